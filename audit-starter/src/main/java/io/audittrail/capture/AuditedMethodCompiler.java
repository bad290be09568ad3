package io.audittrail.capture;

import java.lang.reflect.Method;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Consumer;
import java.util.regex.Pattern;

import org.springframework.core.DefaultParameterNameDiscoverer;
import org.springframework.core.ParameterNameDiscoverer;
import org.springframework.expression.BeanResolver;
import org.springframework.expression.Expression;
import org.springframework.expression.ParseException;
import org.springframework.expression.common.CompositeStringExpression;
import org.springframework.expression.common.TemplateParserContext;
import org.springframework.expression.spel.SpelCompilerMode;
import org.springframework.expression.spel.SpelNode;
import org.springframework.expression.spel.SpelParserConfiguration;
import org.springframework.expression.spel.ast.StringLiteral;
import org.springframework.expression.spel.ast.VariableReference;
import org.springframework.expression.spel.standard.SpelExpression;
import org.springframework.expression.spel.standard.SpelExpressionParser;
import org.springframework.util.ClassUtils;

import io.audittrail.annotation.Audited;
import io.audittrail.catalog.OperationCatalog;
import io.audittrail.catalog.OperationDefinition;
import io.audittrail.core.AuditConfigurationException;

/**
 * Turns an {@code @Audited} annotation into an {@link AuditedMethod}, checking its
 * operation ids against the catalog and parsing its expressions. Every error names the
 * method.
 */
final class AuditedMethodCompiler {

	private static final Map<String, String> RESERVED_VARIABLES = Map.of("result", "the method's return value",
			"before", "the value of the 'before' expression", "item", "the current element of 'forEach'", "args",
			"the array of all arguments");

	private static final Pattern OPERATION_ID = Pattern.compile("[a-z][a-z0-9_]*(\\.[a-z][a-z0-9_]*)+");

	private final OperationCatalog catalog;

	private final SpelExpressionParser parser;

	private final ParameterNameDiscoverer parameterNames = new DefaultParameterNameDiscoverer();

	private final BeanResolver beans;

	AuditedMethodCompiler(OperationCatalog catalog, ClassLoader classLoader, BeanResolver beans) {
		this.catalog = catalog;
		this.beans = beans;
		this.parser = new SpelExpressionParser(new SpelParserConfiguration(SpelCompilerMode.MIXED, classLoader));
	}

	AuditedMethod compile(Method method, Class<?> targetClass, Audited audited) {
		String description = ClassUtils.getUserClass(targetClass).getName() + "." + method.getName()
				+ parameterList(method);
		String value = audited.value().trim();
		OperationDefinition fixed = null;
		Expression operationExpression = null;
		Set<OperationDefinition> candidates = new LinkedHashSet<>();
		if (value.contains("#{")) {
			operationExpression = parse(value, true, description, "value");
			for (String literal : stringLiterals(operationExpression)) {
				if (OPERATION_ID.matcher(literal).matches()) {
					candidates.add(operation(literal, description));
				}
			}
			if (candidates.isEmpty()) {
				throw new AuditConfigurationException("@Audited on " + description + " computes its operation id with '"
						+ value + "', which names no operation id of the audit catalog as a string literal");
			}
		}
		else {
			fixed = operation(value, description);
			candidates.add(fixed);
		}
		Map<String, Expression> details = new LinkedHashMap<>();
		for (Audited.Detail detail : audited.details()) {
			if (candidates.stream().noneMatch((operation) -> operation.details().contains(detail.name()))) {
				throw new AuditConfigurationException("@Audited on " + description + " records detail item '"
						+ detail.name() + "', which the audit catalog does not list for "
						+ candidates.stream().map(OperationDefinition::id).toList());
			}
			details.put(detail.name(), parse(detail.value(), false, description, "details." + detail.name()));
		}
		Expression condition = parse(audited.condition(), false, description, "condition");
		Expression entityId = parse(audited.entityId(), false, description, "entityId");
		Expression entityName = parse(audited.entityName(), false, description, "entityName");
		Expression before = parse(audited.before(), false, description, "before");
		Expression tenant = parse(audited.tenant(), false, description, "tenant");
		Expression forEach = parse(audited.forEach(), false, description, "forEach");
		String[] parameterNames = this.parameterNames.getParameterNames(method);
		List<Expression> expressions = new ArrayList<>(details.values());
		Collections.addAll(expressions, operationExpression, condition, entityId, entityName, before, tenant, forEach);
		checkHiddenParameters(parameterNames, expressions, description);
		return new AuditedMethod(method, description, fixed, operationExpression, audited.entityType(), entityId,
				entityName, Collections.unmodifiableMap(details), before, tenant, condition,
				condition != null && readsVariable(condition, "result"), forEach, parameterNames, this.beans);
	}

	/**
	 * Refuses expressions that read a variable the starter sets while a parameter has its
	 * name: the starter's value would hide the parameter, and the expression would fail
	 * or lie at every call.
	 */
	private static void checkHiddenParameters(String[] parameterNames, List<Expression> expressions,
			String description) {
		if (parameterNames == null) {
			return;
		}
		for (int i = 0; i < parameterNames.length; i++) {
			String name = parameterNames[i];
			if (!RESERVED_VARIABLES.containsKey(name)) {
				continue;
			}
			for (Expression expression : expressions) {
				if (expression != null && readsVariable(expression, name)) {
					throw new AuditConfigurationException("@Audited on " + description + " reads #" + name + " in '"
							+ expression.getExpressionString() + "', but #" + name + " is "
							+ RESERVED_VARIABLES.get(name) + ", not the parameter '" + name
							+ "': rename the parameter or read it as #p" + i);
				}
			}
		}
	}

	private OperationDefinition operation(String id, String description) {
		return this.catalog.find(id)
			.orElseThrow(() -> new AuditConfigurationException(
					"@Audited on " + description + " names operation '" + id + "', which is not in the audit catalog"));
	}

	private Expression parse(String text, boolean template, String description, String attribute) {
		if (text == null || text.isBlank()) {
			return null;
		}
		try {
			return template ? this.parser.parseExpression(text, new TemplateParserContext())
					: this.parser.parseExpression(text);
		}
		catch (ParseException ex) {
			throw new AuditConfigurationException("@Audited on " + description + " has an invalid expression in "
					+ attribute + ": '" + text + "': " + ex.getMessage(), ex);
		}
	}

	private static List<String> stringLiterals(Expression expression) {
		List<String> literals = new ArrayList<>();
		for (SpelNode node : roots(expression)) {
			collect(node, StringLiteral.class,
					(literal) -> literals.add(String.valueOf(literal.getLiteralValue().getValue())));
		}
		return literals;
	}

	private static boolean readsVariable(Expression expression, String name) {
		List<String> names = new ArrayList<>();
		for (SpelNode node : roots(expression)) {
			collect(node, VariableReference.class, (variable) -> names.add(variable.toStringAST()));
		}
		return names.contains("#" + name);
	}

	private static List<SpelNode> roots(Expression expression) {
		List<SpelNode> roots = new ArrayList<>();
		if (expression instanceof SpelExpression spel) {
			roots.add(spel.getAST());
		}
		else if (expression instanceof CompositeStringExpression composite) {
			for (Expression part : composite.getExpressions()) {
				roots.addAll(roots(part));
			}
		}
		return roots;
	}

	private static <T extends SpelNode> void collect(SpelNode node, Class<T> type, Consumer<T> action) {
		if (type.isInstance(node)) {
			action.accept(type.cast(node));
		}
		for (int i = 0; i < node.getChildCount(); i++) {
			collect(node.getChild(i), type, action);
		}
	}

	private static String parameterList(Method method) {
		StringBuilder list = new StringBuilder("(");
		Class<?>[] types = method.getParameterTypes();
		for (int i = 0; i < types.length; i++) {
			list.append((i > 0) ? ", " : "").append(types[i].getSimpleName());
		}
		return list.append(")").toString();
	}

}
