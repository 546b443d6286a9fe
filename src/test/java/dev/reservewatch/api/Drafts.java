package dev.reservewatch.api;

import java.nio.file.Path;

/** Drafts that would run code while they are compiled, were Drools left to evaluate them. */
final class Drafts {

    private Drafts() {
    }

    /** A rule whose metadata value is a Java expression that creates {@code marker}. */
    static String codeInMetadata(Path marker) {
        return """
                package rules;
                import dev.reservewatch.model.*;
                rule "Looks harmless"
                    @source( new java.io.File("%s").createNewFile() )
                when
                    Market()
                then
                end
                """.formatted(marker.toAbsolutePath());
    }

    /** A declared type whose field default is a Java expression that creates {@code marker}, held by a global. */
    static String codeInDeclaredDefault(Path marker) {
        return """
                package rules;
                declare Trap
                    armed : boolean = new java.io.File("%s").createNewFile()
                end
                global Trap trap;
                """.formatted(marker.toAbsolutePath());
    }
}
