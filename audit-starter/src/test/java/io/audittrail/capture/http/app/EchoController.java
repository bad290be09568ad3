package io.audittrail.capture.http.app;

import java.util.Map;

import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.util.MultiValueMap;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.multipart.MultipartFile;

/**
 * Endpoints that run no audited operation: they answer with what they received.
 */
@RestController
class EchoController {

	@PostMapping("/api/echo/{name}")
	ResponseEntity<byte[]> echo(@PathVariable String name, @RequestBody(required = false) byte[] body) {
		return ResponseEntity.ok()
			.contentType(MediaType.APPLICATION_OCTET_STREAM)
			.body((body != null) ? body : new byte[0]);
	}

	@GetMapping("/api/echo/{name}")
	String read(@PathVariable String name) {
		return name;
	}

	@PostMapping("/api/maps")
	Map<String, Object> map(@RequestBody Map<String, Object> body) {
		return body;
	}

	@PostMapping(path = "/api/forms", consumes = MediaType.APPLICATION_FORM_URLENCODED_VALUE)
	Map<String, String> form(@RequestParam MultiValueMap<String, String> fields) {
		return fields.toSingleValueMap();
	}

	@PostMapping("/api/uploads")
	Map<String, Object> upload(@RequestParam("file") MultipartFile file, @RequestParam("title") String title) {
		return Map.of("size", file.getSize(), "title", title);
	}

	@PostMapping("/api/failures")
	void fail() {
		throw new IllegalStateException("broken on purpose");
	}

	@PostMapping("/admin/settings")
	String changeSettings() {
		return "changed";
	}

	@PostMapping("/api/health/ping")
	String ping() {
		return "pong";
	}

}
