/**
 * A news page to an {@link Article} ({@link ArticleExtractor}): metadata from JSON-LD, OpenGraph, meta tags and the
 * markup ({@link MetadataExtractor}, {@link Bylines}, {@link PublicationDates}, {@link Headlines}), and the body by
 * stages ({@link BodyExtractor}): pre-clean ({@link DomCleaner}, {@link CaptionBoxes}), container choice
 * ({@link ContainerCascade}, {@link ReadabilityScorer}), link-heavy blocks ({@link LinkBlocks}), serialisation to
 * blocks ({@link BlockSerializer}) and line rules ({@link LineFilter}, {@link LineRuns}, {@link BylineLines},
 * {@link DateLines}); free or paywalled ({@link Access}, {@link Paywalls}).
 *
 * <p>Pure: no AWS, no HTTP, no storage; jsoup only. Nothing outside depends on its internals: the API is
 * {@link ArticleExtractor}, {@link Extraction} and {@link Article}.
 */
package dev.newsharvester.extract;
