package dev.reservewatch.engine.compile;

import java.time.temporal.Temporal;
import java.util.Arrays;
import java.util.Date;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

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

import dev.reservewatch.contract.CompileProblem;
import dev.reservewatch.engine.ruleset.RuleFile;
import dev.reservewatch.error.Excerpt;
import dev.reservewatch.model.Market;

/**
 * The checks of one DRL file, reporting into {@code problems}: imports, attributes, declared types and enums,
 * rule metadata, conditions and consequences ({@link DrlGuard} says what each refuses and why). {@code declared},
 * {@code packages} and {@code globals} are over all files of the ruleset; {@code lineStarts}: where each line of the
 * file begins.
 */
/** The checks of one file, reporting into {@code problems}; {@code lineStarts}: where each line begins. */
record DrlFileCheck(RuleFile file, PackageDescr pkg, Set<String> declared, Set<String> packages,
        Set<String> globals, List<CompileProblem> problems, int[] lineStarts) {
    private static final Set<String> PLAIN_TYPES = Set.of("boolean", "byte", "short", "int", "long", "float",
            "double", "char", "Boolean", "Byte", "Short", "Integer", "Long", "Float", "Double", "Character",
            "String", "java.lang.Boolean", "java.lang.Byte", "java.lang.Short", "java.lang.Integer",
            "java.lang.Long", "java.lang.Float", "java.lang.Double", "java.lang.Character", "java.lang.String");
    private static final List<String> IMPORTABLE_PACKAGES = List.of(Market.class.getPackageName(), "java.lang",
            "java.util", "java.time", "java.math");
    /** Properties of the facts that hold dates: Drools evaluates what they are compared with while building. */
    private static final Set<String> DATE_PROPERTIES = dateProperties();


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
                refuse(imported.getLine(), "import " + Excerpt.of(imported.getTarget(), 80) + " is not taken: rules import "
                        + "from " + IMPORTABLE_PACKAGES + " or their own packages");
            }
        }
        for (FunctionImportDescr imported : pkg.getFunctionImports()) {
            String target = imported.getTarget();
            int dot = target.lastIndexOf('.');
            if (dot < 0 || !importable(target.substring(0, dot))) {
                refuse(imported.getLine(), "import function " + Excerpt.of(target, 80) + " is not taken: functions come "
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
                refuse(line, type.getTypeName() + " extends " + Excerpt.of(parent.getFullName(), 80) + ", which the rules "
                        + "do not declare: a declared type may extend only another declared type");
            }
        }
        checkTypeAnnotations(type, line);
        for (TypeFieldDescr field : type.getFields().values()) {
            int at = field.getLine() > 0 ? field.getLine() : line;
            String fieldType = field.getPattern() == null ? "" : field.getPattern().getObjectType();
            boolean plain = PLAIN_TYPES.contains(fieldType) || declared.contains(fieldType);
            if (!plain) {
                refuse(at, "field " + field.getFieldName() + " is of type " + Excerpt.of(fieldType, 80) + "; declared fields "
                        + "hold numbers, text, booleans or the rules' declared types");
            }
            if (field.getInitExpr() != null && !DrlTokens.isLiteral(field.getInitExpr().strip())) {
                refuse(at, "the default of " + field.getFieldName() + " is not a literal ('"
                        + Excerpt.of(field.getInitExpr().strip(), 80) + "'): Drools evaluates it as code; write a number, a "
                        + "quoted text, true or false");
            }
            checkTypeAnnotations(field, at);
        }
    }

    private void checkEnum(EnumDeclarationDescr type) {
        checkTypeAnnotations(type, type.getLine());
        for (EnumLiteralDescr literal : type.getLiterals()) {
            for (String argument : literal.getConstructorArgs()) {
                if (!DrlTokens.isLiteral(argument.strip())) {
                    refuse(literal.getLine() > 0 ? literal.getLine() : type.getLine(), "the arguments of "
                            + literal.getName() + " must be literals ('" + Excerpt.of(argument.strip(), 80)
                            + "' is code, run when the enum is first used)");
                }
            }
        }
        for (TypeFieldDescr field : type.getFields().values()) {
            if (field.getInitExpr() != null && !DrlTokens.isLiteral(field.getInitExpr().strip())) {
                refuse(type.getLine(), "the default of " + field.getFieldName() + " is not a literal");
            }
        }
    }

    /** Type and field annotations: simple names, and values that are literals or plain words (event, 1h). */
    private void checkTypeAnnotations(AnnotatedBaseDescr annotated, int line) {
        for (AnnotationDescr annotation : annotated.getAnnotations()) {
            if (annotation.getName().contains(".")) {
                refuse(line, "annotation @" + Excerpt.of(annotation.getName(), 80) + ": write annotations by their simple name");
            }
            for (Object value : annotation.getValueMap().values()) {
                if (!DrlTokens.isLiteralOrWord(value)) {
                    refuse(line, "annotation @" + annotation.getName() + " has a value that is not a literal or a"
                            + " plain word ('" + Excerpt.of(describe(value), 80) + "')");
                }
            }
        }
    }

    private void checkRule(RuleDescr rule) {
        int line = rule.getLine();
        for (AnnotationDescr annotation : rule.getAnnotations()) {
            for (Object value : annotation.getValueMap().values()) {
                if (!DrlTokens.isLiteralValue(value)) {
                    refuse(lineOf("@" + annotation.getName(), rule), "the value of @" + annotation.getName()
                            + " is not a literal ('" + Excerpt.of(describe(value), 80) + "'): Drools evaluates rule "
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
                checkExpression(text, start, line, "the conditions of '" + Excerpt.of(rule.getName(), 80) + "'");
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
                    if (!DrlTokens.isLiteral(value) && !DrlTokens.SIMPLE.matcher(value).matches()) {
                        refuse(argument.getLine() > 0 ? argument.getLine() : pattern.getLine(), "query argument '"
                                + Excerpt.of(value, 80) + "' must be a literal or a variable");
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
        List<DrlTokens.Token> tokens = DrlTokens.tokens(constraint);
        boolean date = false;
        boolean call = false;
        for (int i = 0; i < tokens.size(); i++) {
            DrlTokens.Token token = tokens.get(i);
            date |= token.kind() == DrlTokens.Kind.WORD && DATE_PROPERTIES.contains(token.text());
            call |= token.kind() == DrlTokens.Kind.WORD && i + 1 < tokens.size() && tokens.get(i + 1).text().equals("(");
        }
        if (date && call) {
            refuse(line, "'" + Excerpt.of(constraint, 80) + "' compares a date with a call: Drools evaluates date comparisons"
                    + " while it compiles, so compare dates with literals or variables only");
        }
    }

    /**
     * The tokens of an expression: no {@code new}, no fully-qualified class names, no escapes inside strings.
     * {@code offset} places it in the file (-1: not known, then each problem is put at {@code knownLine}).
     */
    private void checkExpression(String text, int offset, int knownLine, String where) {
        List<DrlTokens.Token> tokens = DrlTokens.tokens(text);
        for (int i = 0; i < tokens.size(); i++) {
            DrlTokens.Token token = tokens.get(i);
            int line = offset < 0 ? knownLine : offset + token.at(); // an offset until a line is needed
            if (token.kind() == DrlTokens.Kind.BAD_STRING) {
                refuse(lineAt(line, offset), where + ": a string with an escape or an unclosed quote ("
                        + Excerpt.of(token.text(), 80) + "); conditions take plain quoted text");
            } else if (token.kind() == DrlTokens.Kind.WORD && token.text().equals("new")) {
                refuse(lineAt(line, offset), where + ": 'new' creates objects while the rules compile; conditions compare facts"
                        + " with literals, variables, thresholds and functions");
            } else if (token.kind() == DrlTokens.Kind.WORD && startsQualifiedName(tokens, i)) {
                refuse(lineAt(line, offset), where + ": '" + Excerpt.of(qualifiedName(tokens, i), 80) + "' names a class by its full name;"
                        + " use the facts, the thresholds and the imported types");
            }
        }
    }

    /** {@code java.io.File}: a lower-case word, a dot, ..., then an upper-case word, not led by a variable. */
    private boolean startsQualifiedName(List<DrlTokens.Token> tokens, int i) {
        if (i > 0 && tokens.get(i - 1).text().equals(".")) {
            return false; // inside a chain, judged from its start
        }
        String first = tokens.get(i).text();
        if (first.startsWith("$") || first.equals("this") || globals.contains(first)
                || !Character.isLowerCase(first.charAt(0))) {
            return false;
        }
        for (int j = i + 1; j + 1 < tokens.size() && tokens.get(j).text().equals("."); j += 2) {
            DrlTokens.Token next = tokens.get(j + 1);
            if (next.kind() != DrlTokens.Kind.WORD) {
                return false;
            }
            if (Character.isUpperCase(next.text().charAt(0))) {
                return true;
            }
        }
        return false;
    }

    private String qualifiedName(List<DrlTokens.Token> tokens, int i) {
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

    private static String describe(Object value) {
        return value instanceof Object[] array ? java.util.Arrays.deepToString(array) : String.valueOf(value);
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
