package dev.packetlab.server.persistence;

import dev.packetlab.server.runtime.LabRecord;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.Map;

/**
 * A {@link LabRecord} as the columns every table that stores one has ({@code saved_lab}, {@code share_link},
 * {@code live_instance}), and the timestamps beside it.
 */
final class RecordColumns {
    /** The record's columns, in the order {@link #parameters} names them. */
    static final String NAMES = "file_name, lab_file, seed, command_log, sim_time, sim_events";
    /** The named parameters for {@link #NAMES}. */
    static final String PARAMETERS = ":fileName, :labFile, :seed, :commandLog, :time, :events";

    private RecordColumns() {}

    /** The record's columns as named parameters. */
    static Map<String, Object> parameters(LabRecord record) {
        return Map.of("fileName", record.fileName(), "labFile", record.labFile(), "seed", record.seed(),
                "commandLog", CommandLogLines.write(record.log()), "time", record.time(), "events", record.events());
    }

    static LabRecord read(ResultSet row) throws SQLException {
        return new LabRecord(row.getString("file_name"), row.getString("lab_file"), row.getLong("seed"),
                CommandLogLines.read(row.getString("command_log")), row.getLong("sim_time"), row.getLong("sim_events"));
    }

    /** Now, to the microsecond both databases keep, so what is returned is what a later load reads. */
    static Instant now() {
        return Instant.now().truncatedTo(ChronoUnit.MICROS);
    }

    static OffsetDateTime timestamp(Instant instant) {
        return instant.truncatedTo(ChronoUnit.MICROS).atOffset(ZoneOffset.UTC);
    }

    static Instant instant(ResultSet row, String column) throws SQLException {
        return row.getObject(column, OffsetDateTime.class).toInstant();
    }
}
