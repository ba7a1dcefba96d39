package dev.packetlab.server.labs;

import java.util.List;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

@RestController
@RequestMapping("/api/labs")
public class LabController {

    private final LabCatalog catalog;

    public LabController(LabCatalog catalog) {
        this.catalog = catalog;
    }

    /** The lab catalogue, ordered by id. */
    @GetMapping
    public List<LabSummary> list() {
        return catalog.list();
    }
}
