package io.orderhub.messaging.deadletter.web;

import io.orderhub.httpapi.apikey.RequiresAdmin;
import io.orderhub.httpapi.problem.ApiException;
import io.orderhub.httpapi.problem.ProblemType;
import io.orderhub.httpapi.response.ApiResponse;
import io.orderhub.httpapi.response.Cursor;
import io.orderhub.messaging.deadletter.DeadLetter;
import io.orderhub.messaging.deadletter.DeadLetters;
import io.swagger.v3.oas.annotations.Operation;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;
import org.apache.kafka.common.KafkaException;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * {@code /api/v1/admin/dead-letters} on every consuming service: the records its consumers dead-lettered,
 * and their replay to the partition they came from. The admin key only; each service answers for its own
 * consumers, on its own port (the edge routes only the public resources).
 */
@RestController
class DeadLetterController {

    private final DeadLetters deadLetters;

    DeadLetterController(DeadLetters deadLetters) {
        this.deadLetters = deadLetters;
    }

    @Operation(summary = "Records this service's consumers dead-lettered, oldest first", description = """
                    Topic, partition and offset on the dead-letter topic (what a replay names), where the record \
                    came from, its event id and key, and why it failed; never the payload. `limit`: 1 to 200, \
                    default 50. The admin key only.""")
    @RequiresAdmin
    @GetMapping("/api/v1/admin/dead-letters")
    Map<String, Object> list(@RequestParam(required = false) Integer limit) {
        int max = Cursor.limit(limit);
        return ApiResponse.of(kafka(() -> deadLetters.list(max)));
    }

    @Operation(summary = "Publish one dead letter again to the partition it came from", description = """
                    After the fix (a deployment, a migration): every consumer group of the original topic receives \
                    it again, and those that had applied it skip it by its event id. A record that still fails is \
                    dead-lettered again. 404 when the coordinates name no dead letter of this service.""")
    @RequiresAdmin
    @PostMapping("/api/v1/admin/dead-letters/{topic}/{partition}/{offset}/replay")
    ResponseEntity<Map<String, Object>> replay(
            @PathVariable String topic, @PathVariable int partition, @PathVariable long offset) {
        DeadLetter replayed = kafka(() -> deadLetters.replay(topic, partition, offset))
                .orElseThrow(() -> ApiException.notFound("No dead letter of this service at " + topic + " partition "
                        + partition + " offset " + offset));
        return ResponseEntity.status(HttpStatus.ACCEPTED).body(ApiResponse.of(replayed));
    }

    @Operation(summary = "Publish every dead letter of this service again", description = """
                    As a replay of each, in topic, partition and offset order; answers the replayed records.""")
    @RequiresAdmin
    @PostMapping("/api/v1/admin/dead-letters/replay-all")
    ResponseEntity<Map<String, Object>> replayAll() {
        List<DeadLetter> replayed = kafka(deadLetters::replayAll);
        return ResponseEntity.status(HttpStatus.ACCEPTED).body(ApiResponse.of(replayed));
    }

    private static <T> T kafka(Supplier<T> call) {
        try {
            return call.get();
        } catch (DeadLetters.Unavailable | KafkaException e) {
            throw new ApiException(ProblemType.SERVICE_UNAVAILABLE, "Kafka did not answer in time; try again");
        }
    }
}
