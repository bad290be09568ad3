package io.audittrail.sample.security;

import java.time.Duration;
import java.time.Instant;
import java.util.Map;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;

import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.security.authentication.AuthenticationManager;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.AuthenticationException;
import org.springframework.security.oauth2.jose.jws.MacAlgorithm;
import org.springframework.security.oauth2.jwt.JwsHeader;
import org.springframework.security.oauth2.jwt.JwtClaimsSet;
import org.springframework.security.oauth2.jwt.JwtEncoder;
import org.springframework.security.oauth2.jwt.JwtEncoderParameters;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

/**
 * Issues a signed token to a member who presents their email and password.
 */
@RestController
class TokenController {

	private static final Duration LIFETIME = Duration.ofHours(1);

	private final AuthenticationManager authentication;

	private final JwtEncoder encoder;

	TokenController(AuthenticationManager authentication, JwtEncoder encoder) {
		this.authentication = authentication;
		this.encoder = encoder;
	}

	@PostMapping("/api/auth/token")
	Map<String, String> token(@Valid @RequestBody Credentials credentials) {
		var member = this.authentication.authenticate(
				UsernamePasswordAuthenticationToken.unauthenticated(credentials.email(), credentials.password()));
		Instant now = Instant.now();
		JwtClaimsSet claims = JwtClaimsSet.builder()
			.subject(member.getName())
			.claim("email", member.getName())
			.issuedAt(now)
			.expiresAt(now.plus(LIFETIME))
			.build();
		String token = this.encoder
			.encode(JwtEncoderParameters.from(JwsHeader.with(MacAlgorithm.HS256).build(), claims))
			.getTokenValue();
		return Map.of("token", token);
	}

	@ExceptionHandler(AuthenticationException.class)
	ProblemDetail rejected(AuthenticationException ex) {
		return ProblemDetail.forStatusAndDetail(HttpStatus.UNAUTHORIZED, "The email or password is wrong");
	}

	record Credentials(@NotBlank String email, @NotBlank String password) {
	}

}
