namespace ClaimTracker.Extraction;

/// <summary>One article to analyse: its raw text and what is known about its publisher.</summary>
/// <param name="Text">The article body as pasted by the analyst; all spans index into it (UTF-16).</param>
/// <param name="SourceName">The publishing (carrier) outlet; its own reporting is attributed to it.</param>
/// <param name="Title">The headline if it is held apart from <paramref name="Text"/>.</param>
/// <param name="PublishedAt">Publication time; anchors relative dates such as "this year".</param>
public sealed record ArticleInput(string Text, string? SourceName, string? Title = null, DateTimeOffset? PublishedAt = null);
