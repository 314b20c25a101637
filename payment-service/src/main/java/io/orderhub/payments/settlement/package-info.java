/** Settlement: what each Stripe payout in a window contained, with gross, fees and net per currency. */
package io.orderhub.payments.settlement;
