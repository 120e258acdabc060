using ClaimTracker.Extraction.Actors;
using ClaimTracker.Extraction.Attribution;
using ClaimTracker.Extraction.Quantities;
using ClaimTracker.Extraction.Text;

namespace ClaimTracker.Extraction;

/// <summary>Content spans of drafts and the result with its quantities and times.</summary>
internal sealed partial class ExtractionRun
{
    private void SetContent(Draft draft, RawAttribution raw)
    {
        if (raw.Quote is { } q && raw.Content.First == q.InnerFirst)
        {
            SetContent(draft, new TokenRange(q.InnerFirst, q.InnerEnd), isQuote: true);
            return;
        }

        SetContent(draft, raw.Content, isQuote: false);
        if (raw.Quote is { } inner)
        {
            draft.Quote = Clean(doc.Slice(inner.InnerFirst, TrimTrailing(inner.InnerFirst, inner.InnerEnd) - 1));
        }
    }

    private void SetContent(Draft draft, TokenRange range, bool isQuote)
    {
        var first = range.First;
        var end = isQuote ? TrimTrailing(first, range.End) : range.End;
        if (end <= first)
        {
            end = Math.Min(first + 1, doc.Count);
        }

        draft.ContentRange = new TokenRange(first, end);
        draft.ContentSpan = doc.SpanOf(first, end - 1);
        var textFirst = first;
        var textEnd = end;
        if (!isQuote && doc.Is(textFirst, "that") && textEnd - textFirst > 1)
        {
            textFirst++;
        }

        if (!isQuote && doc.Tokens[textFirst].Kind == TokenKind.OpenQuote && doc.Tokens[textEnd - 1].Kind == TokenKind.CloseQuote
            && textEnd - textFirst > 2)
        {
            textFirst++;
            textEnd = TrimTrailing(textFirst, textEnd - 1);
        }

        draft.Content = Clean(doc.Slice(textFirst, textEnd - 1));
        if (isQuote)
        {
            draft.Quote = draft.Content;
        }

        draft.Modality = ModalityClassifier.Modality(doc, first, end, draft.Flags);
        draft.IsDenial = ModalityClassifier.IsDenial(doc, first, end, draft.Flags);
    }

    /// <summary>Drops a quote's trailing comma or dash ("… needs,”).</summary>
    private int TrimTrailing(int first, int end)
    {
        while (end > first + 1 && (doc.Is(end - 1, ',') || doc.Is(end - 1, '—') || doc.Is(end - 1, '–') || doc.Is(end - 1, '-')))
        {
            end--;
        }

        return end;
    }

    private ExtractionResult Build(List<QuantityMention> quantities, List<TimeMention> times)
    {
        var (actors, keys) = registry.Build();
        var statements = new List<ExtractedStatement>(this.drafts.Count);
        foreach (var d in this.drafts.OrderBy(d => d.ContentSpan.Begin))
        {
            var vias = new List<string>(d.ViaIds.Count);
            foreach (var via in d.ViaIds)
            {
                var key = keys[via];
                if (key != keys[d.SpeakerId] && !vias.Contains(key))
                {
                    vias.Add(key);
                }
            }

            var speakerText = d.SourceSpan.IsEmpty ? string.Empty : this.input.Text[d.SourceSpan.Begin..d.SourceSpan.End];
            statements.Add(new ExtractedStatement(
                keys[d.SpeakerId], speakerText, vias, d.Cue, d.Content, d.Quote, d.SourceSpan, d.CueSpan, d.ContentSpan,
                d.Modality, d.IsDenial, Within(quantities, d.ContentSpan, q => q.Span), Within(times, d.ContentSpan, t => t.Span))
            {
                Kind = d.Kind,
                IsQuestion = d.IsQuestion,
            });
        }

        return new ExtractionResult(actors, statements);
    }

    /// <summary>The mentions inside <paramref name="span"/>; <paramref name="sorted"/> is ordered by position.</summary>
    private static List<T> Within<T>(List<T> sorted, TextSpan span, Func<T, TextSpan> spanOf)
    {
        var lo = 0;
        var hi = sorted.Count;
        while (lo < hi)
        {
            var mid = (lo + hi) >>> 1;
            if (spanOf(sorted[mid]).Begin < span.Begin)
            {
                lo = mid + 1;
            }
            else
            {
                hi = mid;
            }
        }

        var result = new List<T>();
        for (var i = lo; i < sorted.Count && spanOf(sorted[i]).Begin < span.End; i++)
        {
            if (span.Contains(spanOf(sorted[i])))
            {
                result.Add(sorted[i]);
            }
        }

        return result;
    }

    private static string Clean(string text) => ActorPhraseParser.Normalize(text);
}
