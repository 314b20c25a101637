-- Realistic rows as the old hub wrote them, with every defect issue 17 lists. Each order is inserted as
-- its repository did (status pending, no history row: the creation row is missing) and moved on as its
-- services did: an UPDATE (the trigger logs a row) followed, when the service had a reason, by the
-- service's own row (logged twice). tax_amount = line total * tax_rate / 100 (calculateOrderItemTotals).

insert into customers (id, email, name, phone, metadata, created_at, updated_at) values
    ('c0000000-0000-4000-8000-000000000001', 'max@example.com', 'Max Mustermann', '+49 40 123456', '{}',
        '2025-03-01 09:00:00+00', '2025-03-01 09:00:00+00'),
    ('c0000000-0000-4000-8000-000000000002', 'erika@example.com', 'Erika Musterfrau', null, '{"wc_customer_id": 77}',
        '2025-03-02 10:00:00+00', '2025-03-02 10:00:00+00'),
    ('c0000000-0000-4000-8000-000000000003', 'einkauf@acme.example', 'ACME GmbH', '+49 30 999', '{}',
        '2025-03-03 11:00:00+00', '2025-03-03 11:00:00+00');

-- A: source 'woo'; tax_rate as a fraction but the tax computed as a percentage (0.19 / 100); paid by Stripe,
-- then processing.
insert into orders (id, customer_id, source, source_order_id, status, currency, subtotal, tax_total,
        shipping_total, discount_total, grand_total, totals, metadata, created_at, updated_at) values
    ('0a000000-0000-4000-8000-000000000001', 'c0000000-0000-4000-8000-000000000001', 'woo', '1001', 'pending',
        'EUR', 228.00, 0.43, 0, 0, 228.43,
        '{"subtotal": 228, "tax_total": 0.43, "shipping_total": 0, "discount_total": 0, "grand_total": 228.43}',
        '{"billing_email": "max@example.com"}', '2025-04-01 08:00:00+00', '2025-04-01 08:00:00+00');
insert into order_items (order_id, name, sku, quantity, unit_price, total_price, tax_rate, tax_amount) values
    ('0a000000-0000-4000-8000-000000000001', 'Premium WordPress Theme', 'THEME-001', 1, 79.00, 79.00, 0.1900, 0.15),
    ('0a000000-0000-4000-8000-000000000001', 'Support Package (1 Year)', 'SUPPORT-YEAR', 1, 149.00, 149.00, 0.1900, 0.28);
insert into payments (id, order_id, provider, provider_reference, payment_method, status, amount, currency,
        created_at, updated_at) values
    ('0b000000-0000-4000-8000-000000000001', '0a000000-0000-4000-8000-000000000001', 'stripe',
        'pi_3OldHubPaid0001', 'card', 'pending', 228.43, 'EUR', '2025-04-01 08:01:00+00', '2025-04-01 08:01:00+00');
update payments set status = 'succeeded', completed_at = '2025-04-01 08:02:00+00'
    where id = '0b000000-0000-4000-8000-000000000001';
insert into payment_status_history (payment_id, old_status, new_status, changed_by, change_reason, provider,
        provider_reference, changed_at) values
    ('0b000000-0000-4000-8000-000000000001', 'pending', 'succeeded', 'webhook:stripe', 'payment_intent.succeeded',
        'stripe', 'pi_3OldHubPaid0001', '2025-04-01 08:02:00+00');
update orders set status = 'paid' where id = '0a000000-0000-4000-8000-000000000001';
insert into order_status_history (order_id, old_status, new_status, changed_by, change_reason, changed_at) values
    ('0a000000-0000-4000-8000-000000000001', 'pending', 'paid', 'webhook:stripe', 'Payment succeeded',
        '2025-04-01 08:02:00+00');
update orders set status = 'processing' where id = '0a000000-0000-4000-8000-000000000001';

-- B: tax_rate stored as a percentage (7 for 7 %); a Stripe PaymentIntent still in flight.
insert into orders (id, customer_id, source, source_order_id, status, currency, subtotal, tax_total,
        shipping_total, discount_total, grand_total, totals, metadata, created_at, updated_at) values
    ('0a000000-0000-4000-8000-000000000002', 'c0000000-0000-4000-8000-000000000002', 'woocommerce', '1002',
        'pending', 'EUR', 40.00, 2.80, 4.90, 0, 47.70,
        '{"subtotal": 40, "tax_total": 2.8, "shipping_total": 4.9, "discount_total": 0, "grand_total": 47.7}',
        '{"billing_email": "erika@example.com"}', '2025-04-02 09:00:00+00', '2025-04-02 09:00:00+00');
insert into order_items (order_id, name, sku, quantity, unit_price, total_price, tax_rate, tax_amount) values
    ('0a000000-0000-4000-8000-000000000002', 'Fachbuch Yoga', 'BOOK-7', 2, 20.00, 40.00, 7.0000, 2.80);
insert into payments (id, order_id, provider, provider_reference, payment_method, status, amount, currency,
        redirect_url, created_at, updated_at) values
    ('0b000000-0000-4000-8000-000000000002', '0a000000-0000-4000-8000-000000000002', 'stripe',
        'pi_3InFlight0002', 'card', 'pending', 47.70, 'EUR', 'https://checkout.stripe.com/c/pay/cs_test_0002',
        '2025-04-02 09:01:00+00', '2025-04-02 09:01:00+00');
update payments set status = 'requires_action' where id = '0b000000-0000-4000-8000-000000000002';

-- C: totals stored as NaN (the plugin's line-total price read as unit_price, items left at 0.00); paid.
-- The shop still has the order: recoverable through WooCommerce's REST API.
insert into orders (id, customer_id, source, source_order_id, status, currency, subtotal, tax_total,
        shipping_total, discount_total, grand_total, totals, metadata, created_at, updated_at) values
    ('0a000000-0000-4000-8000-000000000003', 'c0000000-0000-4000-8000-000000000001', 'woo', '1003', 'pending',
        'EUR', 'NaN', 'NaN', 5.90, 0, 'NaN',
        '{"subtotal": null, "tax_total": null, "shipping_total": 5.9, "discount_total": 0, "grand_total": null}',
        '{"billing_email": "max@example.com"}', '2025-04-03 10:00:00+00', '2025-04-03 10:00:00+00');
insert into order_items (order_id, name, sku, quantity, unit_price, total_price, tax_rate, tax_amount, metadata) values
    ('0a000000-0000-4000-8000-000000000003', 'Meditation Cushion', 'CUSH-001', 2, 0.00, 0.00, 0, 0.00,
        '{"product_id": 501}');
insert into payments (id, order_id, provider, provider_reference, payment_method, status, amount, currency,
        created_at, updated_at, completed_at) values
    ('0b000000-0000-4000-8000-000000000003', '0a000000-0000-4000-8000-000000000003', 'stripe',
        'pi_3OldHubPaid0003', 'card', 'succeeded', 65.40, 'EUR', '2025-04-03 10:01:00+00',
        '2025-04-03 10:02:00+00', '2025-04-03 10:02:00+00');
update orders set status = 'paid' where id = '0a000000-0000-4000-8000-000000000003';
insert into order_status_history (order_id, old_status, new_status, changed_by, change_reason, changed_at) values
    ('0a000000-0000-4000-8000-000000000003', 'pending', 'paid', 'webhook:stripe', 'Payment succeeded',
        '2025-04-03 10:02:00+00');

-- D: totals NaN and the shop no longer has the order; paid by BTCPay while the order stayed pending.
insert into orders (id, customer_id, source, source_order_id, status, currency, subtotal, tax_total,
        shipping_total, discount_total, grand_total, totals, metadata, created_at, updated_at) values
    ('0a000000-0000-4000-8000-000000000004', null, 'woo', '1004', 'pending', 'EUR', 'NaN', 'NaN', 4.50, 0, 'NaN',
        '{}', '{}', '2025-04-04 11:00:00+00', '2025-04-04 11:00:00+00');
insert into order_items (order_id, name, sku, quantity, unit_price, total_price, tax_rate, tax_amount) values
    ('0a000000-0000-4000-8000-000000000004', 'Incense Set', 'INC-3', 1, 0.00, 0.00, 0, 0.00);
insert into payments (id, order_id, provider, provider_reference, payment_method, status, amount, currency,
        created_at, updated_at, completed_at) values
    ('0b000000-0000-4000-8000-000000000004', '0a000000-0000-4000-8000-000000000004', 'btcpay',
        'BTCPayInv0004', 'bitcoin', 'processing', 30.00, 'EUR', '2025-04-04 11:01:00+00',
        '2025-04-04 11:01:00+00', null);
update payments set status = 'succeeded', completed_at = '2025-04-04 11:20:00+00'
    where id = '0b000000-0000-4000-8000-000000000004';
insert into payment_status_history (payment_id, old_status, new_status, changed_by, change_reason, provider,
        provider_reference, changed_at) values
    ('0b000000-0000-4000-8000-000000000004', 'processing', 'succeeded', 'webhook:btcpay', 'InvoiceSettled',
        'btcpay', 'BTCPayInv0004', '2025-04-04 11:20:00+00');

-- E: POS, paid by BTCPay while the order stayed pending (the old hub never moved it).
insert into orders (id, customer_id, source, source_order_id, status, currency, subtotal, tax_total,
        shipping_total, discount_total, grand_total, totals, metadata, created_at, updated_at) values
    ('0a000000-0000-4000-8000-000000000005', null, 'pos', 'POS-2001', 'pending', 'EUR', 134.70, 25.59, 0, 0,
        160.29, '{}', '{"store_location": "Hamburg", "cashier": "Sarah M."}',
        '2025-04-05 12:00:00+00', '2025-04-05 12:00:00+00');
insert into order_items (order_id, name, sku, quantity, unit_price, total_price, tax_rate, tax_amount) values
    ('0a000000-0000-4000-8000-000000000005', 'Yoga Mat Premium', 'YOGA-MAT-001', 2, 49.90, 99.80, 0.1900, 18.96),
    ('0a000000-0000-4000-8000-000000000005', 'Meditation Cushion', 'CUSH-001', 1, 34.90, 34.90, 0.1900, 6.63);
insert into payments (id, order_id, provider, provider_reference, payment_method, status, amount, currency,
        created_at, updated_at, completed_at) values
    ('0b000000-0000-4000-8000-000000000005', '0a000000-0000-4000-8000-000000000005', 'btcpay',
        'BTCPayInv2001', 'bitcoin', 'succeeded', 160.29, 'EUR', '2025-04-05 12:01:00+00',
        '2025-04-05 12:05:00+00', '2025-04-05 12:05:00+00');

-- F: POS, a BTCPay invoice still in flight.
insert into orders (id, customer_id, source, source_order_id, status, currency, subtotal, tax_total,
        shipping_total, discount_total, grand_total, totals, metadata, created_at, updated_at) values
    ('0a000000-0000-4000-8000-000000000006', null, 'pos', 'POS-2002', 'pending', 'EUR', 49.90, 9.48, 0, 0, 59.38,
        '{}', '{"store_location": "Hamburg"}', '2025-04-06 13:00:00+00', '2025-04-06 13:00:00+00');
insert into order_items (order_id, name, sku, quantity, unit_price, total_price, tax_rate, tax_amount) values
    ('0a000000-0000-4000-8000-000000000006', 'Yoga Mat Premium', 'YOGA-MAT-001', 1, 49.90, 49.90, 0.1900, 9.48);
insert into payments (id, order_id, provider, provider_reference, payment_method, status, amount, currency,
        redirect_url, created_at, updated_at) values
    ('0b000000-0000-4000-8000-000000000006', '0a000000-0000-4000-8000-000000000006', 'btcpay',
        'BTCPayInvFlight2002', 'bitcoin', 'pending', 59.38, 'EUR', 'https://btcpay.example/i/BTCPayInvFlight2002',
        '2025-04-06 13:01:00+00', '2025-04-06 13:01:00+00');
update payments set status = 'processing' where id = '0b000000-0000-4000-8000-000000000006';

-- G: B2B, a failed card payment, then cancelled.
insert into orders (id, customer_id, source, source_order_id, status, currency, subtotal, tax_total,
        shipping_total, discount_total, grand_total, totals, metadata, created_at, updated_at) values
    ('0a000000-0000-4000-8000-000000000007', 'c0000000-0000-4000-8000-000000000003', 'b2b', 'B2B-3001', 'pending',
        'EUR', 2499.00, 474.81, 0, 249.90, 2723.91, '{}',
        '{"company": "ACME GmbH", "contract_number": "MOJO-B2B-2024-001"}',
        '2025-04-07 14:00:00+00', '2025-04-07 14:00:00+00');
insert into order_items (order_id, name, sku, quantity, unit_price, total_price, tax_rate, tax_amount) values
    ('0a000000-0000-4000-8000-000000000007', 'Enterprise License', 'ENT-1', 1, 2499.00, 2499.00, 0.1900, 474.81);
insert into payments (id, order_id, provider, provider_reference, payment_method, status, amount, currency,
        failure_message, failure_code, created_at, updated_at) values
    ('0b000000-0000-4000-8000-000000000007', '0a000000-0000-4000-8000-000000000007', 'stripe',
        'pi_3Declined0007', 'card', 'pending', 2723.91, 'EUR', null, null,
        '2025-04-07 14:01:00+00', '2025-04-07 14:01:00+00');
update payments set status = 'failed', failure_message = 'Your card was declined.', failure_code = 'card_declined'
    where id = '0b000000-0000-4000-8000-000000000007';
insert into payment_status_history (payment_id, old_status, new_status, changed_by, change_reason, provider,
        provider_reference, changed_at) values
    ('0b000000-0000-4000-8000-000000000007', 'pending', 'failed', 'webhook:stripe', 'card_declined', 'stripe',
        'pi_3Declined0007', '2025-04-07 14:02:00+00');
update orders set status = 'cancelled' where id = '0a000000-0000-4000-8000-000000000007';
insert into order_status_history (order_id, old_status, new_status, changed_by, change_reason, changed_at) values
    ('0a000000-0000-4000-8000-000000000007', 'pending', 'cancelled', 'user:admin@example.com', 'Customer withdrew',
        '2025-04-07 15:00:00+00');

-- H: paid, then refunded in full.
insert into orders (id, customer_id, source, source_order_id, status, currency, subtotal, tax_total,
        shipping_total, discount_total, grand_total, totals, metadata, created_at, updated_at) values
    ('0a000000-0000-4000-8000-000000000008', 'c0000000-0000-4000-8000-000000000002', 'woocommerce', '1005',
        'pending', 'EUR', 25.00, 4.75, 0, 0, 29.75, '{}', '{}', '2025-04-08 15:00:00+00', '2025-04-08 15:00:00+00');
insert into order_items (order_id, name, sku, quantity, unit_price, total_price, tax_rate, tax_amount) values
    ('0a000000-0000-4000-8000-000000000008', 'Gift Card', 'GIFT-25', 1, 25.00, 25.00, 0.1900, 4.75);
insert into payments (id, order_id, provider, provider_reference, payment_method, status, amount, currency,
        created_at, updated_at, completed_at) values
    ('0b000000-0000-4000-8000-000000000008', '0a000000-0000-4000-8000-000000000008', 'stripe',
        'pi_3Refunded0008', 'card', 'pending', 29.75, 'EUR', '2025-04-08 15:01:00+00',
        '2025-04-08 15:01:00+00', null);
update payments set status = 'succeeded', completed_at = '2025-04-08 15:02:00+00'
    where id = '0b000000-0000-4000-8000-000000000008';
update orders set status = 'paid' where id = '0a000000-0000-4000-8000-000000000008';
insert into order_status_history (order_id, old_status, new_status, changed_by, change_reason, changed_at) values
    ('0a000000-0000-4000-8000-000000000008', 'pending', 'paid', 'webhook:stripe', 'Payment succeeded',
        '2025-04-08 15:02:00+00');
update payments set status = 'refunded', refunded_amount = 29.75 where id = '0b000000-0000-4000-8000-000000000008';
insert into payment_status_history (payment_id, old_status, new_status, changed_by, change_reason, provider,
        provider_reference, changed_at) values
    ('0b000000-0000-4000-8000-000000000008', 'succeeded', 'refunded', 'user:admin@example.com', 'Customer request',
        'stripe', 'pi_3Refunded0008', '2025-04-10 09:00:00+00');
update orders set status = 'refunded' where id = '0a000000-0000-4000-8000-000000000008';
insert into order_status_history (order_id, old_status, new_status, changed_by, change_reason, changed_at) values
    ('0a000000-0000-4000-8000-000000000008', 'paid', 'refunded', 'user:admin@example.com', 'Customer request',
        '2025-04-10 09:00:00+00');

-- I: USD, B2B, paid and delivered, step by step (the trigger alone logs the moves without a reason).
insert into orders (id, customer_id, source, source_order_id, status, currency, subtotal, tax_total,
        shipping_total, discount_total, grand_total, totals, metadata, created_at, updated_at) values
    ('0a000000-0000-4000-8000-000000000009', 'c0000000-0000-4000-8000-000000000003', 'b2b', 'B2B-3002', 'pending',
        'USD', 1000.00, 0, 50.00, 0, 1050.00, '{}', '{"company": "ACME Inc."}',
        '2025-04-09 16:00:00+00', '2025-04-09 16:00:00+00');
insert into order_items (order_id, name, sku, quantity, unit_price, total_price, tax_rate, tax_amount) values
    ('0a000000-0000-4000-8000-000000000009', 'Consulting Day', 'CONS-1', 2, 500.00, 1000.00, 0, 0.00);
insert into payments (id, order_id, provider, provider_reference, payment_method, status, amount, currency,
        created_at, updated_at, completed_at) values
    ('0b000000-0000-4000-8000-000000000009', '0a000000-0000-4000-8000-000000000009', 'stripe',
        'pi_3UsdPaid0009', 'card', 'succeeded', 1050.00, 'USD', '2025-04-09 16:01:00+00',
        '2025-04-09 16:02:00+00', '2025-04-09 16:02:00+00');
update orders set status = 'paid' where id = '0a000000-0000-4000-8000-000000000009';
update orders set status = 'processing' where id = '0a000000-0000-4000-8000-000000000009';
update orders set status = 'shipped' where id = '0a000000-0000-4000-8000-000000000009';
update orders set status = 'delivered' where id = '0a000000-0000-4000-8000-000000000009';

-- J: an abandoned order: pending, no payment.
insert into orders (id, customer_id, source, source_order_id, status, currency, subtotal, tax_total,
        shipping_total, discount_total, grand_total, totals, metadata, created_at, updated_at) values
    ('0a000000-0000-4000-8000-000000000010', null, 'woo', '1006', 'pending', 'EUR', 10.00, 1.90, 0, 0, 11.90,
        '{}', '{}', '2025-04-10 17:00:00+00', '2025-04-10 17:00:00+00');
insert into order_items (order_id, name, sku, quantity, unit_price, total_price, tax_rate, tax_amount) values
    ('0a000000-0000-4000-8000-000000000010', 'Sticker', 'STK-1', 10, 1.00, 10.00, 0.1900, 1.90);

-- Keys: SHA-256 of the key as lower-case hex. The plain keys (tests only): woo-key-1, pos-key-1, admin-key-1.
insert into api_keys (name, description, key_hash, key_prefix, channel, is_active, expires_at) values
    ('WooCommerce Shop', 'plugin', encode(sha256('woo-key-1'::bytea), 'hex'), 'woo-key-', 'woocommerce', true, null),
    ('POS Hamburg', null, encode(sha256('pos-key-1'::bytea), 'hex'), 'pos-key-', 'pos', true, null),
    ('Initial Admin Key', 'Default API key created on setup.', encode(sha256('admin-key-1'::bytea), 'hex'),
        'admin-ke', 'admin', true, null),
    ('Old shop key', null, encode(sha256('woo-key-0'::bytea), 'hex'), 'woo-key-', 'woocommerce', false, null),
    ('Expired POS key', null, encode(sha256('pos-key-0'::bytea), 'hex'), 'pos-key-', 'pos', true,
        '2025-01-01 00:00:00+00'),
    ('Script key', 'no channel chosen', encode(sha256('script-key-1'::bytea), 'hex'), 'script-k', null, true, null);

update channel_configs set use_payment_hub = true, shadow_mode = false, callback_enabled = true
    where channel = 'woocommerce';

insert into payment_providers (provider, name, enabled, api_key, api_secret, webhook_secret, config) values
    ('stripe', 'Stripe Live', true, 'enc:v1:AAAA', 'enc:v1:BBBB', 'enc:v1:CCCC', '{"mode": "live"}');

insert into idempotency_keys (key, endpoint, method, status_code, response_body, expires_at) values
    ('idem-1002', '/api/v1/orders', 'POST', 201, '{"success": true}', '2025-04-03 09:00:00+00');
