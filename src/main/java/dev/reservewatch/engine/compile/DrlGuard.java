package dev.reservewatch.engine.compile;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

import org.drools.drl.ast.descr.EnumDeclarationDescr;
import org.drools.drl.ast.descr.PackageDescr;
import org.drools.drl.ast.descr.TypeDeclarationDescr;
import org.drools.drl.parser.DrlParser;
import org.drools.drl.parser.DroolsError;
import org.drools.drl.parser.ParserError;
import org.kie.internal.builder.conf.LanguageLevelOption;

import dev.reservewatch.contract.CompileProblem;
import dev.reservewatch.engine.ruleset.RuleFile;

/**
 * Checks DRL before it is compiled, so that compiling it runs nothing. Drools evaluates some parts of a rule
 * file while it builds it, or when the service creates a global from a declared type, and any of them could
 * carry code; this refuses each of them unless it is a literal:
 * <ul>
 * <li>rule metadata values ({@code @source(...)}) are MVEL-evaluated while building: literals only;</li>
 * <li>declared field defaults are evaluated while building or when the type is instantiated: literals only, on
 * fields of plain types (numbers, text, booleans, the rules' declared types);</li>
 * <li>{@code declare ... extends} runs the supertype's initialiser and constructor: only types the rules
 * declare themselves; {@code declare trait} and {@code declare window} are not taken;</li>
 * <li>{@code declare enum} constants' arguments run when the enum is first used: literals only;</li>
 * <li>{@code import accumulate} instantiates its class while building: not taken; other imports come from the
 * facts' package ({@code dev.reservewatch.model}), {@code java.lang}, {@code java.util}, {@code java.time},
 * {@code java.math} or the rules' own packages, since resolving a type initialises its class;</li>
 * <li>conditions and salience/enabled expressions are analysed, and in places executed, while building: no
 * {@code new}, no fully-qualified class names, no escapes inside strings (which make Drools mistake an
 * expression for a constant and evaluate it), no calls where a date property is compared (such a comparison is
 * evaluated while building), and query arguments are literals or bound variables;</li>
 * <li>consequences are Java ({@code dialect "mvel"} would have them analysed while building).</li>
 * </ul>
 * Consequences, functions, {@code eval} and {@code from} are compiled, never run, by a compile: they run when
 * a rule fires, which only an activated ruleset or a rules author's impact run does. The parser used is the one
 * Drools builds with, and parsing evaluates nothing. A file that does not parse is reported here with the
 * parser's own messages and not compiled.
 */
public final class DrlGuard {

    /**
     * How much a draft may hold, counted over the draft's own {@code files} (drafts from the network only; the
     * folder is bounded by file size and count).
     */
    public record Bounds(Set<String> files, int maxRules, int maxImports) {
    }


    private DrlGuard() {
    }

    /**
     * Every problem with these files, as compile errors at their lines; empty when they may be compiled.
     * {@code bounds} limits a draft's rules and imports (null: no such limit).
     */
    public static List<CompileProblem> check(List<RuleFile> files, Bounds bounds) {
        List<CompileProblem> problems = new ArrayList<>();
        List<Parsed> parsed = new ArrayList<>();
        for (RuleFile file : files) {
            DrlParser parser = new DrlParser(LanguageLevelOption.DRL6);
            PackageDescr pkg;
            try {
                pkg = parser.parse(false, file.content());
            } catch (Exception e) {
                problems.add(new CompileProblem(file.name(), 0, 0, "the file cannot be parsed: " + e.getMessage()));
                continue;
            }
            if (parser.hasErrors() || pkg == null) {
                for (DroolsError error : parser.getErrors()) {
                    int line = error instanceof ParserError p ? p.getRow() : firstLine(error.getLines());
                    int column = error instanceof ParserError p ? p.getCol() : 0;
                    problems.add(CompileProblem.of(file.name(), line, column, error.getMessage()));
                }
                if (pkg == null && !parser.hasErrors()) {
                    problems.add(new CompileProblem(file.name(), 0, 0, "the file cannot be parsed"));
                }
                continue;
            }
            parsed.add(new Parsed(file, pkg));
        }
        Set<String> declared = new HashSet<>();
        Set<String> packages = new HashSet<>();
        Set<String> globals = new HashSet<>();
        int rules = 0;
        int imports = 0;
        for (Parsed each : parsed) {
            packages.add(each.pkg().getName());
            for (TypeDeclarationDescr type : each.pkg().getTypeDeclarations()) {
                declared.add(type.getTypeName());
                declared.add(type.getFullTypeName());
            }
            for (EnumDeclarationDescr type : each.pkg().getEnumDeclarations()) {
                declared.add(type.getTypeName());
                declared.add(type.getFullTypeName());
            }
            each.pkg().getGlobals().forEach(global -> globals.add(global.getIdentifier()));
            if (bounds != null && bounds.files().contains(each.file().name())) {
                rules += each.pkg().getRules().size();
                imports += each.pkg().getImports().size() + each.pkg().getFunctionImports().size();
            }
        }
        if (bounds != null && rules > bounds.maxRules()) {
            problems.add(new CompileProblem("", 0, 0, "the draft holds " + rules + " rules; a draft may hold "
                    + bounds.maxRules() + " (rules.drafts.max-rules)"));
        }
        if (bounds != null && imports > bounds.maxImports()) {
            problems.add(new CompileProblem("", 0, 0, "the draft holds " + imports + " imports; a draft may hold "
                    + bounds.maxImports() + " (rules.drafts.max-imports)"));
        }
        if (!problems.isEmpty()) {
            return problems;
        }
        for (Parsed each : parsed) {
            new DrlFileCheck(each.file(), each.pkg(), declared, packages, globals, problems,
                    lineStarts(each.file().content())).run();
        }
        return problems;
    }

    private record Parsed(RuleFile file, PackageDescr pkg) {
    }

    /** The offsets at which the lines of {@code text} begin, the first at 0. */
    private static int[] lineStarts(String text) {
        int[] starts = new int[16];
        int count = 1;
        for (int i = 0; i < text.length(); i++) {
            if (text.charAt(i) == '\n') {
                if (count == starts.length) {
                    starts = Arrays.copyOf(starts, count * 2);
                }
                starts[count++] = i + 1;
            }
        }
        return Arrays.copyOf(starts, count);
    }

    private static int firstLine(int[] lines) {
        return lines == null || lines.length == 0 ? 0 : lines[0];
    }

}
