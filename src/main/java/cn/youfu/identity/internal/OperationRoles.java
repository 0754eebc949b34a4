package cn.youfu.identity.internal;

import cn.youfu.identity.Role;
import cn.youfu.platform.PublicEndpoint;
import io.swagger.v3.oas.models.Components;
import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.Operation;
import io.swagger.v3.oas.models.security.SecurityRequirement;
import io.swagger.v3.oas.models.security.SecurityScheme;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.springdoc.core.customizers.OpenApiCustomizer;
import org.springdoc.core.customizers.OperationCustomizer;
import org.springframework.core.annotation.AnnotatedElementUtils;
import org.springframework.expression.spel.SpelNode;
import org.springframework.expression.spel.ast.MethodReference;
import org.springframework.expression.spel.ast.StringLiteral;
import org.springframework.expression.spel.standard.SpelExpression;
import org.springframework.expression.spel.standard.SpelExpressionParser;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.method.HandlerMethod;

/**
 * States in the OpenAPI document who may call each operation, read from the same place that decides it: the
 * handler's {@code @PreAuthorize} (method, else class) or {@link PublicEndpoint}. Each operation gets the extension
 * {@code x-youfu-roles} (role names as in tokens, {@code any-role} for any of Youfu's roles, {@code public} for
 * anyone), a first line of its description saying the same, and the bearer-token requirement unless public.
 */
final class OperationRoles implements OperationCustomizer, OpenApiCustomizer {

    static final String EXTENSION = "x-youfu-roles";
    static final String ANY_ROLE = "any-role";
    static final String PUBLIC = "public";
    static final String SCHEME = "bearer";

    private static final SpelExpressionParser PARSER = new SpelExpressionParser();

    @Override
    public Operation customize(Operation operation, HandlerMethod handler) {
        var roles = roles(handler);
        if (roles.isEmpty()) {
            return operation;
        }
        operation.addExtension(EXTENSION, roles);
        var who = roles.equals(List.of(PUBLIC)) ? "Anyone, without a token."
                : roles.equals(List.of(ANY_ROLE)) ? "Any caller with one of Youfu's roles."
                : "Roles: " + String.join(", ", roles) + ".";
        var description = operation.getDescription();
        operation.setDescription("**Who may call it:** " + who
                + (description == null || description.isBlank() ? "" : "\n\n" + description));
        if (!roles.equals(List.of(PUBLIC))) {
            operation.addSecurityItem(new SecurityRequirement().addList(SCHEME));
        }
        return operation;
    }

    @Override
    public void customise(OpenAPI openApi) {
        if (openApi.getComponents() == null) {
            openApi.setComponents(new Components());
        }
        openApi.getComponents().addSecuritySchemes(SCHEME, new SecurityScheme().type(SecurityScheme.Type.HTTP)
                .scheme("bearer").bearerFormat("JWT")
                .description("An access token of the province's identity platform issued to Youfu's client "
                        + "(docs/production.md); in demo mode, from POST /api/v1/auth/token."));
    }

    /** The roles a handler admits: role names, or {@link #ANY_ROLE}, or {@link #PUBLIC}; empty when it says none. */
    static List<String> roles(HandlerMethod handler) {
        var method = handler.getMethod();
        var type = handler.getBeanType();
        var guard = AnnotatedElementUtils.findMergedAnnotation(method, PreAuthorize.class);
        if (guard == null && !AnnotatedElementUtils.hasAnnotation(method, PublicEndpoint.class)) {
            guard = AnnotatedElementUtils.findMergedAnnotation(type, PreAuthorize.class);
        }
        if (guard != null) {
            return roles(guard.value());
        }
        boolean open = AnnotatedElementUtils.hasAnnotation(method, PublicEndpoint.class)
                || AnnotatedElementUtils.hasAnnotation(type, PublicEndpoint.class);
        return open ? List.of(PUBLIC) : List.of();
    }

    /** The roles a {@code @PreAuthorize} expression names in {@code hasRole}/{@code hasAnyRole}, in Role order. */
    static List<String> roles(String expression) {
        var names = new ArrayList<String>();
        var any = new boolean[1];
        walk(((SpelExpression) PARSER.parseExpression(expression)).getAST(), names, any);
        if (names.isEmpty()) {
            return any[0] ? List.of(ANY_ROLE) : List.of();
        }
        return java.util.Arrays.stream(Role.values()).map(Role::claim)
                .filter(claim -> names.contains(claim)).toList();
    }

    private static void walk(SpelNode node, List<String> names, boolean[] any) {
        if (node instanceof MethodReference call) {
            switch (call.getName()) {
                case "hasRole", "hasAnyRole" -> {
                    for (int i = 0; i < node.getChildCount(); i++) {
                        if (node.getChild(i) instanceof StringLiteral literal) {
                            names.add(String.valueOf(literal.getLiteralValue().getValue()).toLowerCase(Locale.ROOT));
                        }
                    }
                }
                case "isAuthenticated" -> any[0] = true;
                default -> { }
            }
        }
        for (int i = 0; i < node.getChildCount(); i++) {
            walk(node.getChild(i), names, any);
        }
    }
}
