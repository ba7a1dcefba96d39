package dev.packetlab.server.classroom;

import io.swagger.v3.oas.annotations.Hidden;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;

/**
 * The classroom pages of the browser UI, which routes in the page: each serves {@code index.html} when it is
 * reloaded or opened from a link, as {@code /labs/{id}} does. {@code /classes/new} starts a class, {@code /join} is
 * where students type the code, {@code /teach/{id}} is the teacher's dashboard (the teacher link adds the token after
 * {@code #}, which never reaches the server) and {@code /class/{id}} a student's page.
 */
@Controller
@Hidden
public class ClassroomUiRoutes {

    @GetMapping({"/classes/new", "/join", "/join/{code}", "/teach/{classId}", "/class/{classId}"})
    String page() {
        return "forward:/index.html";
    }
}
