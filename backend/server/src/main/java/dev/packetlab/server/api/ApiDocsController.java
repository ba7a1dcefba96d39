package dev.packetlab.server.api;

import io.swagger.v3.oas.annotations.Hidden;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;

/** The OpenAPI description at {@code /api/docs} (springdoc serves it at its own path) and its browsable UI. */
@Controller
@Hidden
public class ApiDocsController {

    @GetMapping("/api/docs")
    String openApi() {
        return "forward:/v3/api-docs";
    }

    @GetMapping("/api/docs/ui")
    String ui() {
        return "redirect:/swagger-ui/index.html";
    }
}
