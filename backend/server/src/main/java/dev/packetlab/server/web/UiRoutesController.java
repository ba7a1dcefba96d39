package dev.packetlab.server.web;

import io.swagger.v3.oas.annotations.Hidden;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;

/**
 * The browser UI's own addresses. The UI routes in the page (History API), so a lab's address
 * ({@code /labs/{instanceId}}) and a share link ({@code /share/{linkId}}, which the page opens through
 * {@code /api/share/{linkId}}) must serve the same {@code index.html} as {@code /} when they are reloaded,
 * bookmarked or opened from a link; the page then reads the path. Everything else stays a 404 problem.
 */
@Controller
@Hidden
public class UiRoutesController {

    @GetMapping("/labs/{instanceId}")
    String lab() {
        return "forward:/index.html";
    }

    @GetMapping("/share/{linkId}")
    String share() {
        return "forward:/index.html";
    }
}
