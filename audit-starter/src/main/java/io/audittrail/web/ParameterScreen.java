package io.audittrail.web;

import java.util.Map;

import jakarta.servlet.http.HttpServletRequest;

import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ModelAttribute;

/**
 * Refuses, before any JSON API call runs, a parameter no database can compare: one with a
 * NUL character, which PostgreSQL rejects in text. Answered as 400 naming the parameter,
 * like any other bad parameter.
 */
@ControllerAdvice(annotations = AuditApiEndpoint.class)
class ParameterScreen {

	@ModelAttribute
	void refuseNul(HttpServletRequest request) {
		for (Map.Entry<String, String[]> parameter : request.getParameterMap().entrySet()) {
			for (String value : parameter.getValue()) {
				if (value != null && value.indexOf('\0') >= 0) {
					throw new BadParameterException(parameter.getKey(),
							"Parameter '" + parameter.getKey() + "' must not contain the NUL character");
				}
			}
		}
	}

}
