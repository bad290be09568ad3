package io.audittrail.sample.media;

import org.springframework.util.StringUtils;
import org.springframework.web.multipart.MultipartFile;

import io.audittrail.sample.web.InvalidInputException;

/**
 * Checks uploaded files.
 */
public final class MediaUploads {

	private MediaUploads() {
	}

	/** The file's name without any path, or a 400 when the upload is empty or unnamed. */
	public static String filename(MultipartFile file) {
		String name = StringUtils.getFilename(StringUtils.cleanPath(String.valueOf(file.getOriginalFilename())));
		if (file.isEmpty() || !StringUtils.hasText(name) || "null".equals(name)) {
			throw new InvalidInputException("file", "an uploaded file with a name is required");
		}
		return name;
	}

}
