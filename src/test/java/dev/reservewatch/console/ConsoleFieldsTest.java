package dev.reservewatch.console;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.lang.reflect.RecordComponent;
import java.nio.file.Files;
import java.nio.file.Path;

import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.junit.jupiter.api.Test;

import dev.reservewatch.contract.Runoff;
import dev.reservewatch.model.Bounds;
import dev.reservewatch.model.Input;

/**
 * The console's form is written from the catalogue of the snapshot's figures ({@link Input}) and the runoff's
 * fields ({@link Runoff}), with their bounds: {@code console/fields.js} is generated, and this test fails when it no longer says what
 * they say. Regenerate it with {@code ./mvnw test -Dtest=ConsoleFieldsTest -Dconsole.fields.write=true}.
 */
class ConsoleFieldsTest {

    static final Path FIELDS = Path.of("src/main/resources/META-INF/resources/console/fields.js");

    @Test
    void theFormHasEveryFigureOfTheCatalogueAndNothingElse() throws IOException {
        String expected = generated();
        if (Boolean.getBoolean("console.fields.write")) {
            Files.writeString(FIELDS, expected);
        }
        assertThat(Files.readString(FIELDS)).as(FIELDS + " (regenerate: -Dconsole.fields.write=true)")
                .isEqualTo(expected);
    }

    static String generated() {
        StringBuilder js = new StringBuilder();
        js.append("// Generated from dev.reservewatch.model.Input and dev.reservewatch.contract.Runoff by ConsoleFieldsTest:\n")
                .append("// do not edit; change the catalogue and run ./mvnw test -Dtest=ConsoleFieldsTest -Dconsole.fields.write=true\n")
                .append("// The snapshot's figures as the Judge form groups them: the contract's names, units, hints and bounds (the form\n")
                .append("// refuses a value outside them as the service would). The runoff's fields are named as in the series CSV:\n")
                .append("// runoffActive, runoffTreasuryCapBn, runoffMbsCapBn, runoffPurchasesActive.\n\n")
                .append("export const GROUPS = [\n");
        for (Input.Group group : Input.Group.values()) {
            js.append("  {\n    title: ").append(quote(group.title())).append(",\n    fields: [\n");
            for (Input input : Input.values()) {
                if (input.group() == group) {
                    js.append("      [").append(quote(input.field())).append(", ").append(quote(input.unit().symbol()))
                            .append(", ").append(quote(input.description())).append(", ").append(bounds(input.bounds()))
                            .append("],\n");
                }
            }
            js.append("    ],\n  },\n");
        }
        js.append("];\n\n/** The runoff in force, as the series CSV names its columns; the snapshot nests them under \"runoff\". */\n")
                .append("export const RUNOFF = [\n");
        for (RecordComponent component : Runoff.class.getRecordComponents()) {
            String name = component.getName();
            String column = "runoff" + Character.toUpperCase(name.charAt(0)) + name.substring(1);
            boolean flag = component.getType() == Boolean.class;
            String unit = flag ? "boolean" : "$bn";
            String description = component.getAccessor().getAnnotation(Schema.class).description().replace(", in $bn", "");
            js.append("  [").append(quote(column)).append(", ").append(quote(name)).append(", ").append(quote(unit))
                    .append(", ").append(quote(description)).append(flag ? "" : ", " + bounds(Runoff.CAP_BOUNDS))
                    .append("],\n");
        }
        return js.append("];\n").toString();
    }

    /** The bounds as the form reads them: {@code min, max}, both included (every figure's bounds include both). */
    private static String bounds(Bounds bounds) {
        assertThat(bounds.minInclusive() && bounds.maxInclusive() && Double.isFinite(bounds.max()))
                .as("the form gives inclusive, finite bounds: %s", bounds).isTrue();
        return number(bounds.min()) + ", " + number(bounds.max());
    }

    private static String number(double value) {
        return value == Math.rint(value) ? Long.toString((long) value) : Double.toString(value);
    }

    /** A JavaScript string literal: in single quotes, or in double quotes when the text holds an apostrophe. */
    private static String quote(String text) {
        String escaped = text.replace("\\", "\\\\");
        return text.contains("'") && !text.contains("\"") ? "\"" + escaped + "\"" : "'" + escaped.replace("'", "\\'") + "'";
    }
}
