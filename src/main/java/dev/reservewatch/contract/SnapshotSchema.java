package dev.reservewatch.contract;

import java.lang.reflect.RecordComponent;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The fields of {@link MarketSnapshot} and {@link Runoff}, read off the records themselves so that the
 * contract lives in one place: strict parsing and the report of missing inputs both use this.
 */
public final class SnapshotSchema {

    public static final Map<String, RecordComponent> SNAPSHOT_FIELDS = fieldsOf(MarketSnapshot.class);
    public static final Map<String, RecordComponent> RUNOFF_FIELDS = fieldsOf(Runoff.class);

    private SnapshotSchema() {
    }

    private static Map<String, RecordComponent> fieldsOf(Class<? extends Record> type) {
        Map<String, RecordComponent> fields = new LinkedHashMap<>();
        for (RecordComponent component : type.getRecordComponents()) {
            fields.put(component.getName(), component);
        }
        return Collections.unmodifiableMap(fields);
    }

    /** True when the snapshot does not give the named top-level field. */
    public static boolean isAbsent(MarketSnapshot snapshot, String field) {
        RecordComponent component = SNAPSHOT_FIELDS.get(field);
        if (component == null) {
            throw new IllegalArgumentException("no snapshot field named " + field);
        }
        try {
            return component.getAccessor().invoke(snapshot) == null;
        } catch (ReflectiveOperationException e) {
            throw new IllegalStateException("cannot read snapshot field " + field, e);
        }
    }
}
