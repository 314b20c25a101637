package io.orderhub.httpapi.apikey;

import io.orderhub.httpapi.problem.ApiException;
import io.orderhub.httpapi.problem.ProblemType;
import org.springframework.core.MethodParameter;
import org.springframework.web.bind.support.WebDataBinderFactory;
import org.springframework.web.context.request.NativeWebRequest;
import org.springframework.web.context.request.RequestAttributes;
import org.springframework.web.method.support.HandlerMethodArgumentResolver;
import org.springframework.web.method.support.ModelAndViewContainer;

/** Gives a controller method the calling {@link ApiKey} as a parameter. */
public class ApiKeyArgumentResolver implements HandlerMethodArgumentResolver {

    @Override
    public boolean supportsParameter(MethodParameter parameter) {
        return ApiKey.class.equals(parameter.getParameterType());
    }

    @Override
    public Object resolveArgument(
            MethodParameter parameter,
            ModelAndViewContainer container,
            NativeWebRequest request,
            WebDataBinderFactory binderFactory) {
        Object key = request.getAttribute(ApiKeyFilter.ATTRIBUTE, RequestAttributes.SCOPE_REQUEST);
        if (key == null) {
            throw new ApiException(ProblemType.MISSING_API_KEY, "Send your API key as Authorization: Bearer <key>");
        }
        return key;
    }
}
