package io.orderhub.httpapi.problem;

/** The request body went past the limit while it was being read. */
public class PayloadTooLargeException extends ApiException {

    public PayloadTooLargeException(long limit) {
        super(ProblemType.PAYLOAD_TOO_LARGE, "The request body is larger than " + limit + " bytes");
    }
}
