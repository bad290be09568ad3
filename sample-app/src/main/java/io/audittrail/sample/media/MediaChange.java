package io.audittrail.sample.media;

import java.util.List;

/**
 * A media item and its tags, as returned by media operations.
 *
 * @param media the media item
 * @param tags its tags
 */
public record MediaChange(Media media, List<MediaTag> tags) {

}
