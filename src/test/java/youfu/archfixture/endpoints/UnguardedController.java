package youfu.archfixture.endpoints;

import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

/** Breaks the rule on purpose: a handler that says neither who may call it nor that it is public. */
@RestController
class UnguardedController {

    @GetMapping("/api/v1/forgotten")
    String forgotten() {
        return "anyone";
    }
}
