package vn.kontum.hotline.bench;

import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * The load benchmark's ceiling: the same server, filters and security as the web chat, answering 200 without
 * doing anything. Exists only when {@code hotline.bench.bare-endpoint=true}.
 */
@RestController
@ConditionalOnProperty(name = "hotline.bench.bare-endpoint", havingValue = "true")
class BareEndpoint {

    @PostMapping("/chat/api/bare")
    ResponseEntity<Void> bare() {
        return ResponseEntity.ok().build();
    }
}
