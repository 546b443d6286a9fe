package dev.reservewatch.engine.compile;

import java.time.temporal.Temporal;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Date;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Pattern;

import org.drools.drl.ast.descr.AccumulateImportDescr;
import org.drools.drl.ast.descr.AnnotatedBaseDescr;
import org.drools.drl.ast.descr.AnnotationDescr;
import org.drools.drl.ast.descr.AttributeDescr;
import org.drools.drl.ast.descr.BaseDescr;
import org.drools.drl.ast.descr.ConditionalElementDescr;
import org.drools.drl.ast.descr.EnumDeclarationDescr;
import org.drools.drl.ast.descr.EnumLiteralDescr;
import org.drools.drl.ast.descr.ExprConstraintDescr;
import org.drools.drl.ast.descr.FunctionImportDescr;
import org.drools.drl.ast.descr.ImportDescr;
import org.drools.drl.ast.descr.PackageDescr;
import org.drools.drl.ast.descr.PatternDescr;
import org.drools.drl.ast.descr.QualifiedName;
import org.drools.drl.ast.descr.RuleDescr;
import org.drools.drl.ast.descr.TypeDeclarationDescr;
import org.drools.drl.ast.descr.TypeFieldDescr;
import org.drools.drl.parser.DrlParser;
import org.drools.drl.parser.DroolsError;
import org.drools.drl.parser.ParserError;
import org.kie.internal.builder.conf.LanguageLevelOption;

import dev.reservewatch.contract.CompileProblem;
import dev.reservewatch.engine.ruleset.RuleFile;
import dev.reservewatch.model.Market;

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

    private static final Pattern STRING = Pattern.compile("\"[^\"\\\\\\r\\n]*\"|'[^'\\\\\\r\\n]*'");
    private static final Pattern NUMBER = Pattern.compile("[-+]?(\\d+(\\.\\d*)?|\\.\\d+)([eE][-+]?\\d+)?[dDfFlLbBiI]?");
    private static final Pattern SIMPLE = Pattern.compile("[A-Za-z_$][A-Za-z0-9_$]*");
    private static final Set<String> PLAIN_TYPES = Set.of("boolean", "byte", "short", "int", "long", "float",
            "double", "char", "Boolean", "Byte", "Short", "Integer", "Long", "Float", "Double", "Character",
            "String", "java.lang.Boolean", "java.lang.Byte", "java.lang.Short", "java.lang.Integer",
            "java.lang.Long", "java.lang.Float", "java.lang.Double", "java.lang.Character", "java.lang.String");
    private static final List<String> IMPORTABLE_PACKAGES = List.of(Market.class.getPackageName(), "java.lang",
            "java.util", "java.time", "java.math");
    /** Properties of the facts that hold dates: Drools evaluates what they are compared with while building. */
    private static final Set<String> DATE_PROPERTIES = dateProperties();

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
            new FileCheck(each.file(), each.pkg(), declared, packages, globals, problems,
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

    /** The checks of one file, reporting into {@code problems}; {@code lineStarts}: where each line begins. */
    private record FileCheck(RuleFile file, PackageDescr pkg, Set<String> declared, Set<String> packages,
            Set<String> globals, List<CompileProblem> problems, int[] lineStarts) {

        void run() {
            checkImports();
            for (AttributeDescr attribute : pkg.getAttributes()) {
                checkAttribute(attribute, attribute.getLine());
            }
            for (TypeDeclarationDescr type : pkg.getTypeDeclarations()) {
                checkType(type);
            }
            for (EnumDeclarationDescr type : pkg.getEnumDeclarations()) {
                checkEnum(type);
            }
            if (!pkg.getWindowDeclarations().isEmpty()) {
                refuse(pkg.getWindowDeclarations().iterator().next().getLine(),
                        "declare window is not taken here: its conditions are evaluated while the rules compile");
            }
            for (RuleDescr rule : pkg.getRules()) {
                checkRule(rule);
            }
        }

        private void checkImports() {
            for (ImportDescr imported : pkg.getImports()) {
                if (!importable(imported.getTarget())) {
                    refuse(imported.getLine(), "import " + clip(imported.getTarget()) + " is not taken: rules import "
                            + "from " + IMPORTABLE_PACKAGES + " or their own packages");
                }
            }
            for (FunctionImportDescr imported : pkg.getFunctionImports()) {
                String target = imported.getTarget();
                int dot = target.lastIndexOf('.');
                if (dot < 0 || !importable(target.substring(0, dot))) {
                    refuse(imported.getLine(), "import function " + clip(target) + " is not taken: functions come "
                            + "from " + IMPORTABLE_PACKAGES + " or the rules' own packages");
                }
            }
            for (AccumulateImportDescr imported : pkg.getAccumulateImports()) {
                refuse(imported.getLine(), "import accumulate is not taken: Drools instantiates its class while the"
                        + " rules compile; use the built-in accumulate functions (sum, count, min, max, average...)");
            }
        }

        /** A class or a package (with {@code .*}) in an importable package, a declared type, or a rules package. */
        private boolean importable(String target) {
            String name = target.endsWith(".*") ? target.substring(0, target.length() - 2) : target;
            if (declared.contains(name) || packages.contains(name)) {
                return true;
            }
            for (String allowed : IMPORTABLE_PACKAGES) {
                if (name.equals(allowed) || (name.startsWith(allowed + ".")
                        && name.indexOf('.', allowed.length() + 1) < 0)) {
                    return true;
                }
            }
            return packages.stream().anyMatch(own -> name.startsWith(own + ".")
                    && name.indexOf('.', own.length() + 1) < 0);
        }

        private void checkType(TypeDeclarationDescr type) {
            int line = type.getLine();
            if (type.isTrait()) {
                refuse(line, "declare trait is not taken here; declare a plain type");
            }
            for (QualifiedName parent : type.getSuperTypes()) {
                if (!declared.contains(parent.getFullName()) && !declared.contains(parent.getName())) {
                    refuse(line, type.getTypeName() + " extends " + clip(parent.getFullName()) + ", which the rules "
                            + "do not declare: a declared type may extend only another declared type");
                }
            }
            checkTypeAnnotations(type, line);
            for (TypeFieldDescr field : type.getFields().values()) {
                int at = field.getLine() > 0 ? field.getLine() : line;
                String fieldType = field.getPattern() == null ? "" : field.getPattern().getObjectType();
                boolean plain = PLAIN_TYPES.contains(fieldType) || declared.contains(fieldType);
                if (!plain) {
                    refuse(at, "field " + field.getFieldName() + " is of type " + clip(fieldType) + "; declared fields "
                            + "hold numbers, text, booleans or the rules' declared types");
                }
                if (field.getInitExpr() != null && !isLiteral(field.getInitExpr().strip())) {
                    refuse(at, "the default of " + field.getFieldName() + " is not a literal ('"
                            + clip(field.getInitExpr().strip()) + "'): Drools evaluates it as code; write a number, a "
                            + "quoted text, true or false");
                }
                checkTypeAnnotations(field, at);
            }
        }

        private void checkEnum(EnumDeclarationDescr type) {
            checkTypeAnnotations(type, type.getLine());
            for (EnumLiteralDescr literal : type.getLiterals()) {
                for (String argument : literal.getConstructorArgs()) {
                    if (!isLiteral(argument.strip())) {
                        refuse(literal.getLine() > 0 ? literal.getLine() : type.getLine(), "the arguments of "
                                + literal.getName() + " must be literals ('" + clip(argument.strip())
                                + "' is code, run when the enum is first used)");
                    }
                }
            }
            for (TypeFieldDescr field : type.getFields().values()) {
                if (field.getInitExpr() != null && !isLiteral(field.getInitExpr().strip())) {
                    refuse(type.getLine(), "the default of " + field.getFieldName() + " is not a literal");
                }
            }
        }

        /** Type and field annotations: simple names, and values that are literals or plain words (event, 1h). */
        private void checkTypeAnnotations(AnnotatedBaseDescr annotated, int line) {
            for (AnnotationDescr annotation : annotated.getAnnotations()) {
                if (annotation.getName().contains(".")) {
                    refuse(line, "annotation @" + clip(annotation.getName()) + ": write annotations by their simple name");
                }
                for (Object value : annotation.getValueMap().values()) {
                    if (!isLiteralOrWord(value)) {
                        refuse(line, "annotation @" + annotation.getName() + " has a value that is not a literal or a"
                                + " plain word ('" + clip(describe(value)) + "')");
                    }
                }
            }
        }

        private void checkRule(RuleDescr rule) {
            int line = rule.getLine();
            for (AnnotationDescr annotation : rule.getAnnotations()) {
                for (Object value : annotation.getValueMap().values()) {
                    if (!isLiteralValue(value)) {
                        refuse(lineOf("@" + annotation.getName(), rule), "the value of @" + annotation.getName()
                                + " is not a literal ('" + clip(describe(value)) + "'): Drools evaluates rule "
                                + "metadata as code while it compiles; quote it as text");
                    }
                }
            }
            for (AttributeDescr attribute : rule.getAttributes().values()) {
                checkAttribute(attribute, attribute.getLine() > 0 ? attribute.getLine()
                        : lineOf(attribute.getName(), rule));
            }
            if (rule.getLhs() != null) {
                int start = rule.getLhs().getStartCharacter();
                int end = rule.getLhs().getEndCharacter();
                if (start >= 0 && end >= start) {
                    String text = file.content().substring(start, Math.min(file.content().length(), end + 1));
                    checkExpression(text, start, line, "the conditions of '" + clip(rule.getName()) + "'");
                }
                checkConditions(rule.getLhs());
            }
        }

        private void checkAttribute(AttributeDescr attribute, int line) {
            String name = attribute.getName();
            String value = attribute.getValue() == null ? "" : attribute.getValue();
            if (name.equals("dialect") && value.replace("\"", "").strip().equalsIgnoreCase("mvel")) {
                refuse(line, "dialect \"mvel\" is not taken here: consequences are Java");
            } else if (name.equals("salience") || name.equals("enabled")) {
                checkExpression(value, -1, line, name);
            }
        }

        /**
         * Query calls are evaluated while building when their arguments are constants: literals and variables
         * only. A constraint on a date property is evaluated while building: no calls in it.
         */
        private void checkConditions(BaseDescr element) {
            if (element instanceof PatternDescr pattern) {
                for (BaseDescr constraint : pattern.getDescrs()) {
                    if (constraint instanceof ExprConstraintDescr expression && !pattern.isQuery()) {
                        checkDateComparison(expression.getExpression(), constraint.getLine() > 0
                                ? constraint.getLine() : pattern.getLine());
                    }
                }
                if (pattern.isQuery()) {
                    for (BaseDescr argument : pattern.getDescrs()) {
                        String text = argument.getText() == null ? String.valueOf(argument) : argument.getText();
                        String value = text.contains(":=") ? text.substring(text.indexOf(":=") + 2).strip() : text.strip();
                        if (!isLiteral(value) && !SIMPLE.matcher(value).matches()) {
                            refuse(argument.getLine() > 0 ? argument.getLine() : pattern.getLine(), "query argument '"
                                    + clip(value) + "' must be a literal or a variable");
                        }
                    }
                }
                if (pattern.getSource() != null) {
                    checkConditions(pattern.getSource());
                }
            }
            if (element instanceof ConditionalElementDescr group) {
                for (BaseDescr nested : group.getDescrs()) {
                    checkConditions(nested);
                }
            }
        }

        private void checkDateComparison(String constraint, int line) {
            if (constraint == null) {
                return;
            }
            List<Token> tokens = tokens(constraint);
            boolean date = false;
            boolean call = false;
            for (int i = 0; i < tokens.size(); i++) {
                Token token = tokens.get(i);
                date |= token.kind() == Kind.WORD && DATE_PROPERTIES.contains(token.text());
                call |= token.kind() == Kind.WORD && i + 1 < tokens.size() && tokens.get(i + 1).text().equals("(");
            }
            if (date && call) {
                refuse(line, "'" + clip(constraint) + "' compares a date with a call: Drools evaluates date comparisons"
                        + " while it compiles, so compare dates with literals or variables only");
            }
        }

        /**
         * The tokens of an expression: no {@code new}, no fully-qualified class names, no escapes inside strings.
         * {@code offset} places it in the file (-1: not known, then each problem is put at {@code knownLine}).
         */
        private void checkExpression(String text, int offset, int knownLine, String where) {
            List<Token> tokens = tokens(text);
            for (int i = 0; i < tokens.size(); i++) {
                Token token = tokens.get(i);
                int line = offset < 0 ? knownLine : offset + token.at(); // an offset until a line is needed
                if (token.kind() == Kind.BAD_STRING) {
                    refuse(lineAt(line, offset), where + ": a string with an escape or an unclosed quote ("
                            + clip(token.text()) + "); conditions take plain quoted text");
                } else if (token.kind() == Kind.WORD && token.text().equals("new")) {
                    refuse(lineAt(line, offset), where + ": 'new' creates objects while the rules compile; conditions compare facts"
                            + " with literals, variables, thresholds and functions");
                } else if (token.kind() == Kind.WORD && startsQualifiedName(tokens, i)) {
                    refuse(lineAt(line, offset), where + ": '" + clip(qualifiedName(tokens, i)) + "' names a class by its full name;"
                            + " use the facts, the thresholds and the imported types");
                }
            }
        }

        /** {@code java.io.File}: a lower-case word, a dot, ..., then an upper-case word, not led by a variable. */
        private boolean startsQualifiedName(List<Token> tokens, int i) {
            if (i > 0 && tokens.get(i - 1).text().equals(".")) {
                return false; // inside a chain, judged from its start
            }
            String first = tokens.get(i).text();
            if (first.startsWith("$") || first.equals("this") || globals.contains(first)
                    || !Character.isLowerCase(first.charAt(0))) {
                return false;
            }
            for (int j = i + 1; j + 1 < tokens.size() && tokens.get(j).text().equals("."); j += 2) {
                Token next = tokens.get(j + 1);
                if (next.kind() != Kind.WORD) {
                    return false;
                }
                if (Character.isUpperCase(next.text().charAt(0))) {
                    return true;
                }
            }
            return false;
        }

        private String qualifiedName(List<Token> tokens, int i) {
            StringBuilder name = new StringBuilder(tokens.get(i).text());
            for (int j = i + 1; j + 1 < tokens.size() && tokens.get(j).text().equals("."); j += 2) {
                name.append('.').append(tokens.get(j + 1).text());
            }
            return name.toString();
        }

        private int lineOf(String marker, RuleDescr rule) {
            int from = Math.max(0, rule.getStartCharacter());
            int at = file.content().indexOf(marker, from);
            return at < 0 ? rule.getLine() : lineAt(at);
        }

        /** {@code lineOrOffset} as a line: it is one already when the expression's offset is not known. */
        private int lineAt(int lineOrOffset, int offset) {
            return offset < 0 ? lineOrOffset : lineAt(lineOrOffset);
        }

        /** The line of a character offset in the file. */
        private int lineAt(int offset) {
            int found = Arrays.binarySearch(lineStarts, Math.max(0, offset));
            return found >= 0 ? found + 1 : -found - 1;
        }

        private void refuse(int line, String message) {
            problems.add(new CompileProblem(file.name(), Math.max(line, 0), 0, message));
        }
    }

    private enum Kind {
        WORD, STRING, BAD_STRING, NUMBER, SYMBOL
    }

    private record Token(Kind kind, String text, int at) {
    }

    /** A small lexer: words, numbers, quoted strings (a string with a backslash is BAD_STRING), symbols. */
    static List<Token> tokens(String text) {
        List<Token> tokens = new ArrayList<>();
        int i = 0;
        while (i < text.length()) {
            char c = text.charAt(i);
            if (Character.isWhitespace(c)) {
                i++;
            } else if (c == '/' && i + 1 < text.length() && text.charAt(i + 1) == '/') {
                int end = text.indexOf('\n', i);
                i = end < 0 ? text.length() : end;
            } else if (c == '/' && i + 1 < text.length() && text.charAt(i + 1) == '*') {
                int end = text.indexOf("*/", i + 2);
                i = end < 0 ? text.length() : end + 2;
            } else if (c == '"' || c == '\'') {
                int j = i + 1;
                boolean escaped = false;
                while (j < text.length() && text.charAt(j) != c && text.charAt(j) != '\n') {
                    escaped |= text.charAt(j) == '\\';
                    j++;
                }
                boolean closed = j < text.length() && text.charAt(j) == c;
                tokens.add(new Token(escaped || !closed ? Kind.BAD_STRING : Kind.STRING,
                        text.substring(i, Math.min(text.length(), j + 1)), i));
                i = j + 1;
            } else if (Character.isJavaIdentifierStart(c)) {
                int j = i + 1;
                while (j < text.length() && Character.isJavaIdentifierPart(text.charAt(j))) {
                    j++;
                }
                tokens.add(new Token(Kind.WORD, text.substring(i, j), i));
                i = j;
            } else if (Character.isDigit(c)) {
                int j = i + 1;
                while (j < text.length() && (Character.isLetterOrDigit(text.charAt(j)) || text.charAt(j) == '.')) {
                    j++;
                }
                tokens.add(new Token(Kind.NUMBER, text.substring(i, j), i));
                i = j;
            } else {
                tokens.add(new Token(Kind.SYMBOL, String.valueOf(c), i));
                i++;
            }
        }
        return tokens;
    }

    /** A number, a quoted text without escapes, true, false or null. */
    static boolean isLiteral(String text) {
        return STRING.matcher(text).matches() || NUMBER.matcher(text).matches()
                || text.equals("true") || text.equals("false") || text.equals("null");
    }

    /** An annotation value as the parser gives it: literal text, or an array of literals. */
    private static boolean isLiteralValue(Object value) {
        if (value instanceof Object[] array) {
            for (Object element : array) {
                if (!isLiteralValue(element)) {
                    return false;
                }
            }
            return true;
        }
        return value instanceof String text && isLiteral(text.strip());
    }

    private static boolean isLiteralOrWord(Object value) {
        if (value instanceof Object[] array) {
            for (Object element : array) {
                if (!isLiteralOrWord(element)) {
                    return false;
                }
            }
            return true;
        }
        if (!(value instanceof String text)) {
            return false;
        }
        String stripped = text.strip();
        return isLiteral(stripped) || stripped.matches("[A-Za-z0-9_$]+");
    }

    private static String describe(Object value) {
        return value instanceof Object[] array ? java.util.Arrays.deepToString(array) : String.valueOf(value);
    }

    private static int firstLine(int[] lines) {
        return lines == null || lines.length == 0 ? 0 : lines[0];
    }

    private static String clip(String text) {
        String line = text.replace('\n', ' ');
        return line.length() > 80 ? line.substring(0, 80) + "..." : line;
    }

    private static Set<String> dateProperties() {
        Set<String> names = new HashSet<>();
        for (Class<?> fact : List.of(Market.class)) {
            for (java.lang.reflect.Method method : fact.getMethods()) {
                Class<?> type = method.getReturnType();
                if (method.getParameterCount() == 0 && method.getName().startsWith("get")
                        && (Date.class.isAssignableFrom(type) || Temporal.class.isAssignableFrom(type))) {
                    String property = method.getName().substring(3);
                    names.add(property.substring(0, 1).toLowerCase(Locale.ROOT) + property.substring(1));
                }
            }
        }
        return Set.copyOf(names);
    }
}
