package io.orderhub.httpapi.openapi;

import io.orderhub.httpapi.apikey.ProtectedPaths;
import io.orderhub.httpapi.idempotency.IdempotencyFilter;
import io.orderhub.httpapi.problem.FieldError;
import io.orderhub.httpapi.problem.Problem;
import io.orderhub.httpapi.problem.ProblemType;
import io.swagger.v3.oas.models.Components;
import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.Operation;
import io.swagger.v3.oas.models.PathItem;
import io.swagger.v3.oas.models.examples.Example;
import io.swagger.v3.oas.models.headers.Header;
import io.swagger.v3.oas.models.media.ArraySchema;
import io.swagger.v3.oas.models.media.BooleanSchema;
import io.swagger.v3.oas.models.media.Content;
import io.swagger.v3.oas.models.media.IntegerSchema;
import io.swagger.v3.oas.models.media.MediaType;
import io.swagger.v3.oas.models.media.ObjectSchema;
import io.swagger.v3.oas.models.media.Schema;
import io.swagger.v3.oas.models.media.StringSchema;
import io.swagger.v3.oas.models.parameters.HeaderParameter;
import io.swagger.v3.oas.models.parameters.Parameter;
import io.swagger.v3.oas.models.responses.ApiResponse;
import io.swagger.v3.oas.models.responses.ApiResponses;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.springdoc.core.customizers.OpenApiCustomizer;

/**
 * What the guard rails answer on every authenticated operation, added to the description so that no
 * controller has to repeat it: the {@code Problem} schema and the problem answers 400, 401, 403, 404, 422
 * and 429 (with {@code Retry-After} and the {@code RateLimit-*} headers, which every authenticated answer
 * carries); on writes the optional {@code Idempotency-Key} and its 409. Public paths (health, the signed
 * webhooks) need no key, so they are exempt from the global {@code bearer} requirement. What a controller
 * documents itself is kept; an error response it declares without a problem body gets one.
 */
final class ContractResponses implements OpenApiCustomizer {

    static final String PROBLEM_SCHEMA = "Problem";
    private static final String PROBLEM_REF = "#/components/schemas/" + PROBLEM_SCHEMA;
    private static final String RETRY_AFTER = "Retry-After";
    private static final List<String> RATE_LIMIT_HEADERS =
            List.of("RateLimit-Limit", "RateLimit-Remaining", "RateLimit-Reset");

    /** The methods the Idempotency-Key filter takes a key on. */
    private static final Set<PathItem.HttpMethod> WRITES = EnumSet.of(
            PathItem.HttpMethod.POST, PathItem.HttpMethod.PUT, PathItem.HttpMethod.PATCH, PathItem.HttpMethod.DELETE);

    private final ProtectedPaths protectedPaths;

    ContractResponses(ProtectedPaths protectedPaths) {
        this.protectedPaths = protectedPaths;
    }

    @Override
    public void customise(OpenAPI openApi) {
        Components components = openApi.getComponents() == null ? new Components() : openApi.getComponents();
        openApi.setComponents(components);
        components.addSchemas(PROBLEM_SCHEMA, problemSchema());
        components.addHeaders(
                RETRY_AFTER, header("Seconds to wait before sending the request again.", new IntegerSchema()));
        components.addHeaders(
                "RateLimit-Limit", header("Requests the API key may send per window.", new IntegerSchema()));
        components.addHeaders(
                "RateLimit-Remaining", header("Requests left in the current window.", new IntegerSchema()));
        components.addHeaders("RateLimit-Reset", header("Seconds until the window starts again.", new IntegerSchema()));
        if (openApi.getPaths() == null) {
            return;
        }
        openApi.getPaths()
                .forEach((path, item) -> item.readOperationsMap().forEach((method, operation) -> {
                    if (protectedPaths.isProtected(path)) {
                        document(path, method, operation);
                    } else {
                        // Health answers anyone; webhooks are signed by the provider instead.
                        operation.setSecurity(new ArrayList<>());
                    }
                    errorsAreProblems(operation);
                }));
    }

    /** Every error a controller documents (a provider's 502, a webhook's 400) is answered as a problem. */
    private static void errorsAreProblems(Operation operation) {
        if (operation.getResponses() == null) {
            return;
        }
        operation.getResponses().forEach((status, response) -> {
            if ((status.startsWith("4") || status.startsWith("5"))
                    && (response.getContent() == null || !response.getContent().containsKey(Problem.MEDIA_TYPE))) {
                response.content(new Content().addMediaType(Problem.MEDIA_TYPE, problemMedia()));
            }
        });
    }

    private static MediaType problemMedia() {
        return new MediaType().schema(new Schema<>().$ref(PROBLEM_REF));
    }

    private static void document(String path, PathItem.HttpMethod method, Operation operation) {
        ApiResponses responses = operation.getResponses() == null ? new ApiResponses() : operation.getResponses();
        operation.setResponses(responses);
        responses.forEach((status, response) -> {
            if (status.startsWith("2")) {
                RATE_LIMIT_HEADERS.forEach(name -> addHeaderRef(response, name));
            }
        });
        problem(
                responses,
                "400",
                "Malformed JSON, a wrong JSON type or a bad query parameter (the field named in `errors`), or a "
                        + "malformed Idempotency-Key.",
                example(ProblemType.MALFORMED_REQUEST, "The body is not valid JSON", path));
        problem(
                responses,
                "401",
                "The API key is missing, malformed or unknown.",
                example(ProblemType.MISSING_API_KEY, "Send your API key as Authorization: Bearer <key>", path),
                example(ProblemType.INVALID_API_KEY, "The API key is not valid", path));
        problem(
                responses,
                "403",
                "The API key lacks the scope, or a channel key acts for another channel's `source`.",
                example(ProblemType.INSUFFICIENT_SCOPE, "This API key lacks the scope orders:write", path),
                example(ProblemType.FORBIDDEN, "An API key of channel pos cannot act for source woocommerce", path));
        problem(
                responses,
                "404",
                "Unknown id, or an id of another channel.",
                example(ProblemType.NOT_FOUND, "No order 0190f3a2-7c4e-7d1a-9b8e-2f4c6a8b0d13", path));
        problem(
                responses,
                "422",
                "Validation failed: every invalid field in `errors`; or an Idempotency-Key reused with another body.",
                example(
                        ProblemType.VALIDATION_FAILED,
                        "currency: is not an ISO 4217 currency code (upper case)",
                        path,
                        new FieldError("currency", "is not an ISO 4217 currency code (upper case)")),
                example(
                        ProblemType.IDEMPOTENCY_KEY_REUSED,
                        "This Idempotency-Key was used for a different request",
                        path));
        ApiResponse tooMany = problem(
                responses,
                "429",
                "The API key's rate limit is used up; retry after `Retry-After` seconds.",
                example(ProblemType.RATE_LIMITED, "Rate limit of 100 requests exceeded; retry after 42 s", path));
        addHeaderRef(tooMany, RETRY_AFTER);
        RATE_LIMIT_HEADERS.forEach(name -> addHeaderRef(tooMany, name));
        if (WRITES.contains(method)) {
            idempotencyKey(operation);
            ApiResponse conflict = problem(
                    responses,
                    "409",
                    "A conflict with the current state, or a request with the same Idempotency-Key is still in "
                            + "flight (then retry after `Retry-After` seconds).",
                    example(ProblemType.CONFLICT, "The request conflicts with the current state", path),
                    example(
                            ProblemType.IDEMPOTENCY_KEY_IN_FLIGHT,
                            "A request with this Idempotency-Key is still being processed; retry shortly",
                            path));
            addHeaderRef(conflict, RETRY_AFTER);
        }
    }

    private static void idempotencyKey(Operation operation) {
        List<Parameter> parameters = operation.getParameters() == null ? new ArrayList<>() : operation.getParameters();
        operation.setParameters(parameters);
        // A handler that reads the header itself has it documented already, as a bare string.
        Parameter key = parameters.stream()
                .filter(p -> "header".equals(p.getIn()) && IdempotencyFilter.HEADER.equalsIgnoreCase(p.getName()))
                .findFirst()
                .orElseGet(() -> {
                    Parameter added = new HeaderParameter().name(IdempotencyFilter.HEADER);
                    parameters.add(added);
                    return added;
                });
        key.required(false)
                .schema(new StringSchema().maxLength(255).pattern("^[\\x21-\\x7e]{1,255}$"))
                .example("wc_10023_1767225600")
                .description("""
                        Makes a retry safe (kept 24 h per API key): the same key with the same request \
                        replays the first answer byte for byte with `Idempotent-Replayed: true`; with \
                        another body it answers 422, while the first request is still in flight 409.\
                        """);
    }

    /** The problem answer for a status, unless the operation documents a problem body for it already. */
    private static ApiResponse problem(
            ApiResponses responses, String status, String description, Map<String, Example> examples) {
        ApiResponse response = responses.get(status);
        if (response == null) {
            response = new ApiResponse().description(description);
            responses.addApiResponse(status, response);
        }
        // A body springdoc derived from the handler's return type is not what an error answers.
        if (response.getContent() == null || !response.getContent().containsKey(Problem.MEDIA_TYPE)) {
            response.content(new Content()
                    .addMediaType(Problem.MEDIA_TYPE, problemMedia().examples(examples)));
        }
        return response;
    }

    private static ApiResponse problem(ApiResponses responses, String status, String description, Example... examples) {
        Map<String, Example> named = new LinkedHashMap<>();
        for (Example example : examples) {
            named.put(example.getSummary(), example);
        }
        return problem(responses, status, description, named);
    }

    /** An example built the way the services build their answers, so type URIs and titles cannot drift. */
    private static Example example(ProblemType type, String detail, String path, FieldError... errors) {
        return new Example().summary(type.slug()).value(Problem.body(type, detail, path, List.of(errors), Map.of()));
    }

    private static void addHeaderRef(ApiResponse response, String name) {
        if (response.getHeaders() == null || !response.getHeaders().containsKey(name)) {
            response.addHeaderObject(name, new Header().$ref("#/components/headers/" + name));
        }
    }

    private static Header header(String description, Schema<?> schema) {
        return new Header().description(description).schema(schema);
    }

    private static Schema<?> problemSchema() {
        ObjectSchema fieldError = new ObjectSchema();
        fieldError.addProperty("field", new StringSchema().description("JSON path as sent: `items[0].quantity`"));
        fieldError.addProperty("message", new StringSchema());
        fieldError.setRequired(List.of("field", "message"));
        ObjectSchema legacyError = new ObjectSchema();
        legacyError.addProperty(
                "code", new StringSchema().description("The type's slug in upper snake case: `VALIDATION_FAILED`"));
        legacyError.addProperty("message", new StringSchema().description("The same as `detail`"));
        legacyError.setRequired(List.of("code", "message"));

        ObjectSchema problem = new ObjectSchema();
        problem.description("""
                RFC 9457 problem details, with `errors` for validation and, for clients of the old hub, \
                `success: false` and `error: {code, message}`. A kind of error may add members (such as \
                the id of an existing order).""");
        problem.addProperty(
                "type",
                new StringSchema()
                        .format("uri")
                        .description("A stable URI per kind of error, under " + ProblemType.TYPE_BASE)
                        .example(ProblemType.VALIDATION_FAILED.type().toString()));
        problem.addProperty("title", new StringSchema().example(ProblemType.VALIDATION_FAILED.title()));
        problem.addProperty("status", new IntegerSchema().example(ProblemType.VALIDATION_FAILED.status()));
        problem.addProperty("detail", new StringSchema());
        problem.addProperty(
                "instance", new StringSchema().format("uri-reference").description("The request path"));
        problem.addProperty("errors", new ArraySchema().items(fieldError));
        BooleanSchema success = new BooleanSchema();
        success.setEnum(List.of(false));
        problem.addProperty("success", success);
        problem.addProperty("error", legacyError);
        problem.setRequired(List.of("type", "title", "status", "detail", "success", "error"));
        return problem;
    }
}
