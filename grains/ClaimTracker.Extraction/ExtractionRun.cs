using ClaimTracker.Extraction.Actors;
using ClaimTracker.Extraction.Attribution;
using ClaimTracker.Extraction.Quantities;
using ClaimTracker.Extraction.Text;

namespace ClaimTracker.Extraction;

/// <summary>
/// One extraction: splits the text, finds attributions sentence by sentence in reading order,
/// resolves speakers (pronouns to the latest person, "it" to the latest organisation), builds
/// attribution chains (a paragraph ending "…, AFP reports" makes AFP the carrier of that paragraph
/// and of the paragraphs that continue it) and attaches quantities and times.
/// </summary>
internal sealed class ExtractionRun
{
    private const string UnknownSourceName = "Unknown source";
    private const string UnidentifiedSpeaker = "unidentified source";
    private const int MaxInterviewDistance = 40;

    private static readonly HashSet<string> Connectives = new(StringComparer.Ordinal)
    {
        "but", "and", "however", "yet", "still", "meanwhile", "moreover", "also", "further", "furthermore", "besides",
    };

    private readonly ArticleInput _input;
    private readonly Document _doc;
    private readonly ActorRegistry _registry = new();
    private readonly List<Draft> _drafts = [];
    private readonly int _outletId;
    private int _lastOrgSpeaker = -1;
    private Draft? _lastQuote;
    private Draft? _lastStatement;

    public ExtractionRun(ArticleInput input)
    {
        _input = input;
        _doc = new Document(input.Text);
        _outletId = _registry.AddOutlet(string.IsNullOrWhiteSpace(input.SourceName) ? UnknownSourceName : input.SourceName.Trim());
    }

    public ExtractionResult Run()
    {
        if (IsHeadlineOnly)
        {
            return RunHeadline();
        }

        var paragraphs = ParagraphSplitter.Split(_doc);
        PersonScanner.Register(_doc, paragraphs, _registry);
        var quantities = QuantityParser.Parse(_doc, Published?.Year);
        var times = TimeParser.Parse(_doc, Published);

        Carrier? carrier = null;
        var sentences = new List<Sentence>();
        foreach (var paragraph in paragraphs)
        {
            if (paragraph.Kind == BlockKind.Heading)
            {
                // A headline is no claim of the outlet's own, but "Sanders: Endorsements prove …" still attributes.
                ProcessHeading(paragraph);
                carrier = null;
                continue;
            }

            if (paragraph.Kind != BlockKind.Body)
            {
                carrier = null;
                continue;
            }

            sentences.Clear();
            SentenceSplitter.Split(_doc, paragraph, sentences);
            var raws = new List<List<RawAttribution>>(sentences.Count);
            foreach (var sentence in sentences)
            {
                raws.Add(AttributionFinder.Find(_doc, sentence));
            }

            carrier = FindCarrier(sentences, raws) ?? (carrier is not null && StartsWithConnective(paragraph) ? carrier : null);
            for (var s = 0; s < sentences.Count; s++)
            {
                ProcessSentence(sentences[s], raws[s], carrier);
            }
        }

        return Build(quantities, times);
    }

    private DateOnly? Published => _input.PublishedAt is { } at ? DateOnly.FromDateTime(at.UtcDateTime) : null;

    /// <summary>The report is its headline alone (the text is the title): the headline is the report's one statement.</summary>
    private bool IsHeadlineOnly => _input.Title is { } title && title.Trim().Length > 0 && string.Equals(title.Trim(), _input.Text.Trim(), StringComparison.Ordinal);

    /// <summary>
    /// A headline standing for its report states one proposition: the whole headline without its labels
    /// (the matcher and the stance rules read it as written, cue words included), said by the speaker it
    /// cites ("Nigeria says …", "Boko Haram Denies …") or else by the report's own source. A question
    /// asks rather than states; a label citing unnamed sources ("Sources: …", "…: report") hedges.
    /// </summary>
    private ExtractionResult RunHeadline()
    {
        var frame = Headlines.HeadlineFrame.Read(_doc);
        var words = 0;
        for (var i = frame.First; i < frame.End; i++)
        {
            words += _doc.IsWord(i) ? 1 : 0;
        }

        if (words >= 3)
        {
            var paragraph = new Paragraph(0, frame.First, frame.End, BlockKind.Heading);
            var sentence = new Sentence(frame.First, frame.End, paragraph);
            var raws = AttributionFinder.Find(_doc, sentence);
            Draft? attributed = null;
            if (raws.Count > 0)
            {
                // "Boko Haram agrees to release schoolgirls, Nigeria says": the speaker whose words span the most.
                ProcessSentence(sentence, raws, carrier: null);
                attributed = _drafts.MaxBy(d => d.ContentRange.End - d.ContentRange.First);
                _drafts.Clear();
            }

            var draft = attributed ?? new Draft { SpeakerId = _outletId, ViaIds = [], Kind = StatementKind.OwnReporting };
            SetContent(draft, new TokenRange(frame.First, frame.End), isQuote: false);
            draft.Quote = null;
            draft.IsQuestion = IsQuestion(frame.First, frame.End);
            if (frame.CitesUnnamedSource)
            {
                draft.Modality = ExtractedModality.Hedged;
            }

            Add(draft);
        }

        return Build(QuantityParser.Parse(_doc, Published?.Year), TimeParser.Parse(_doc, Published));
    }

    private void ProcessSentence(Sentence sentence, List<RawAttribution> raws, Carrier? carrier)
    {
        if (raws.Count == 0)
        {
            ProcessUnattributed(sentence, carrier);
            return;
        }

        Draft? previous = null;
        foreach (var raw in raws)
        {
            var (speaker, sourceSpan, isPronoun) = ResolveSpeaker(raw, sentence, previous);
            var vias = new List<int>();
            if (carrier is not null && carrier.ActorId != speaker)
            {
                vias.Add(carrier.ActorId);
            }

            AddVia(vias, speaker, raw.Via, requireOutlet: false);
            AddVia(vias, speaker, InterviewVia(sentence, raw.Cue.First), requireOutlet: false);
            AddVia(vias, speaker, raw.Addressee, requireOutlet: true);
            if (isPronoun && vias.Count == 0 && _lastStatement is { } last && last.SpeakerId == speaker)
            {
                vias.AddRange(last.ViaIds);
            }

            var draft = new Draft
            {
                SpeakerId = speaker,
                SourceSpan = sourceSpan,
                ViaIds = vias,
                Cue = raw.CueText ?? Clean(_doc.Slice(raw.Cue.First, raw.Cue.Last)),
                CueSpan = _doc.SpanOf(raw.Cue.First, raw.Cue.Last),
                Flags = raw.Flags,
                Kind = StatementKind.Attributed,
                ParagraphIndex = sentence.Paragraph.Index,
            };
            SetContent(draft, raw);
            Add(draft);
            previous = draft;
        }
    }

    private void ProcessHeading(Paragraph paragraph)
    {
        var sentences = new List<Sentence>();
        SentenceSplitter.Split(_doc, paragraph, sentences);
        foreach (var sentence in sentences)
        {
            var raws = AttributionFinder.Find(_doc, sentence);
            if (raws.Count > 0)
            {
                ProcessSentence(sentence, raws, carrier: null);
            }
        }
    }

    private void ProcessUnattributed(Sentence sentence, Carrier? carrier)
    {
        var first = sentence.First;
        var end = sentence.End;
        if (_doc.Tokens[first].Kind == TokenKind.OpenQuote && _lastQuote is { } quoted
            && sentence.Paragraph.Index - quoted.ParagraphIndex <= 1 && IsWholeQuote(first, end))
        {
            // A quote that goes on without a cue: the same speaker, through the same chain.
            var continuation = new Draft
            {
                SpeakerId = quoted.SpeakerId,
                SourceSpan = quoted.SourceSpan,
                ViaIds = quoted.ViaIds,
                Cue = quoted.Cue,
                CueSpan = quoted.CueSpan,
                Flags = quoted.Flags,
                Kind = StatementKind.QuoteContinuation,
                ParagraphIndex = sentence.Paragraph.Index,
            };
            var innerEnd = _doc.Tokens[end - 1].Kind == TokenKind.CloseQuote ? end - 1 : end;
            SetContent(continuation, new TokenRange(first + 1, innerEnd), isQuote: true);
            Add(continuation);
            return;
        }

        var words = 0;
        for (var i = first; i < end && words < 3; i++)
        {
            if (_doc.IsWord(i))
            {
                words++;
            }
        }

        var opensLikeSentence = _doc.IsCapitalized(first) || _doc.Tokens[first].Kind is TokenKind.Number or TokenKind.OpenQuote;
        if (words < 3 || !opensLikeSentence || IsQuestion(first, end))
        {
            return;
        }

        var draft = new Draft
        {
            SpeakerId = carrier?.ActorId ?? _outletId,
            SourceSpan = carrier?.SourceSpan ?? default,
            ViaIds = [],
            Cue = carrier?.Cue ?? string.Empty,
            CueSpan = carrier?.CueSpan ?? default,
            Kind = carrier is null ? StatementKind.OwnReporting : StatementKind.CarriedReporting,
            ParagraphIndex = sentence.Paragraph.Index,
        };
        var contentEnd = end;
        while (contentEnd > first + 1 && _doc.IsTerminal(contentEnd - 1))
        {
            contentEnd--;
        }

        SetContent(draft, new TokenRange(first, contentEnd), isQuote: false);
        Add(draft);
    }

    private void Add(Draft draft)
    {
        _drafts.Add(draft);
        _registry.MarkReferenced(draft.SpeakerId);
        foreach (var via in draft.ViaIds)
        {
            _registry.MarkReferenced(via);
        }

        if (draft.Quote is not null)
        {
            _lastQuote = draft;
        }

        if (draft.Kind == StatementKind.Attributed)
        {
            _lastStatement = draft;
        }
    }

    private (int Speaker, TextSpan Span, bool IsPronoun) ResolveSpeaker(RawAttribution raw, Sentence sentence, Draft? previous)
    {
        var source = raw.Source;
        if (raw.Speaker == SpeakerHint.SameAsPrevious || source.IsEmpty)
        {
            if (previous is not null)
            {
                return (previous.SpeakerId, previous.SourceSpan, false);
            }

            source = PhraseFinder.SentenceSubject(_doc, sentence.First, raw.Cue.First);
            if (source.IsEmpty)
            {
                var fallback = _lastStatement?.SpeakerId ?? Unidentified(sentence);
                return (fallback, default, true);
            }
        }

        var span = _doc.SpanOf(source.First, source.Last);
        var phrase = ActorPhraseParser.Parse(_doc, source);
        if (phrase is null)
        {
            return (Unidentified(sentence), span, false);
        }

        var position = _doc.Tokens[source.First].Begin;
        if (phrase.IsPronoun)
        {
            return (ResolvePronoun(phrase.Pronoun!, source, sentence, position), span, true);
        }

        var id = _registry.Resolve(phrase, position, referenced: true);
        if (_registry.KindOf(id) != ActorKindHint.Person)
        {
            _lastOrgSpeaker = id;
        }

        return (id, span, false);
    }

    private int ResolvePronoun(string pronoun, TokenRange source, Sentence sentence, int position)
    {
        int id;
        switch (pronoun)
        {
            case "he" or "she" or "him" or "her" or "his":
                id = _registry.LastPersonBefore(position);
                break;
            case "it" or "they" or "them":
                id = _lastOrgSpeaker >= 0 ? _lastOrgSpeaker : _lastStatement?.SpeakerId ?? -1;
                break;
            case "who" or "which" or "that":
                id = -1;
                if (_doc.Is(source.First - 1, ','))
                {
                    var antecedent = PhraseFinder.SubjectBefore(_doc, source.First - 1, sentence.First);
                    if (!antecedent.IsEmpty && ActorPhraseParser.Parse(_doc, antecedent) is { IsPronoun: false } phrase)
                    {
                        id = _registry.Resolve(phrase, _doc.Tokens[antecedent.First].Begin, referenced: true);
                    }
                }

                break;
            case "i" or "we" or "me" or "us":
                id = _outletId;
                break;
            default:
                id = -1;
                break;
        }

        return id >= 0 ? _registry.Root(id) : Unidentified(sentence);
    }

    private int Unidentified(Sentence sentence)
    {
        var phrase = new ActorPhrase(UnidentifiedSpeaker, UnidentifiedSpeaker, ActorKindHint.Unknown, null, null, null, null, true, null);
        return _registry.Resolve(phrase, _doc.Tokens[sentence.First].Begin, referenced: true);
    }

    private void AddVia(List<int> vias, int speaker, TokenRange range, bool requireOutlet)
    {
        if (range.IsEmpty || ActorPhraseParser.Parse(_doc, range) is not { IsPronoun: false } phrase)
        {
            return;
        }

        if (requireOutlet && phrase.Kind != ActorKindHint.Outlet)
        {
            return;
        }

        var id = _registry.Resolve(phrase, _doc.Tokens[range.First].Begin, referenced: true);
        if (id != speaker && !vias.Contains(id) && id != _outletId)
        {
            vias.Add(id);
        }
    }

    /// <summary>"in an interview with Russian state television on Wednesday, Putin said": the interviewer carries the words.</summary>
    private TokenRange InterviewVia(Sentence sentence, int cueFirst)
    {
        // Bounded window before the cue: a sentence with many attributions stays linear.
        for (var i = Math.Max(sentence.First, cueFirst - MaxInterviewDistance); i + 2 < cueFirst; i++)
        {
            if (!_doc.Is(i, "interview") || !_doc.Is(i + 1, "with"))
            {
                continue;
            }

            var start = i + 2;
            var k = start;
            while (k < cueFirst && k - start < 8 && _doc.IsWord(k) && !(_doc.Lower(k) is "on" or "in" or "at" or "last" or "this" or "that"))
            {
                k++;
            }

            return k > start ? new TokenRange(start, k) : TokenRange.None;
        }

        return TokenRange.None;
    }

    private Carrier? FindCarrier(List<Sentence> sentences, List<List<RawAttribution>> raws)
    {
        if (sentences.Count == 0 || raws[^1].Count == 0)
        {
            return null;
        }

        var last = raws[^1][^1];
        if ((last.Flags & CueFlags.Reporting) == 0 || last.Source.IsEmpty || last.Quote is not null || last.Content.First > last.Source.First)
        {
            return null;
        }

        var phrase = ActorPhraseParser.Parse(_doc, last.Source);
        if (phrase is null || phrase.IsPronoun || phrase.Kind != ActorKindHint.Outlet)
        {
            return null;
        }

        var id = _registry.Resolve(phrase, _doc.Tokens[last.Source.First].Begin, referenced: true);
        if (id == _outletId)
        {
            return null;
        }

        return new Carrier(id, _doc.SpanOf(last.Source.First, last.Source.Last), Clean(_doc.Slice(last.Cue.First, last.Cue.Last)), _doc.SpanOf(last.Cue.First, last.Cue.Last));
    }

    private bool StartsWithConnective(Paragraph paragraph) => Connectives.Contains(_doc.Lower(paragraph.First));

    private bool IsQuestion(int first, int end)
    {
        var last = end - 1;
        while (last > first && _doc.Tokens[last].Kind is TokenKind.CloseQuote or TokenKind.CloseSingleQuote)
        {
            last--;
        }

        return _doc.Is(last, '?');
    }

    private bool IsWholeQuote(int first, int end)
    {
        for (var i = first + 1; i < end; i++)
        {
            if (_doc.Tokens[i].Kind == TokenKind.CloseQuote)
            {
                return i >= end - 2;
            }
        }

        return true;
    }

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
            draft.Quote = Clean(_doc.Slice(inner.InnerFirst, TrimTrailing(inner.InnerFirst, inner.InnerEnd) - 1));
        }
    }

    private void SetContent(Draft draft, TokenRange range, bool isQuote)
    {
        var first = range.First;
        var end = isQuote ? TrimTrailing(first, range.End) : range.End;
        if (end <= first)
        {
            end = Math.Min(first + 1, _doc.Count);
        }

        draft.ContentRange = new TokenRange(first, end);
        draft.ContentSpan = _doc.SpanOf(first, end - 1);
        var textFirst = first;
        var textEnd = end;
        if (!isQuote && _doc.Is(textFirst, "that") && textEnd - textFirst > 1)
        {
            textFirst++;
        }

        if (!isQuote && _doc.Tokens[textFirst].Kind == TokenKind.OpenQuote && _doc.Tokens[textEnd - 1].Kind == TokenKind.CloseQuote && textEnd - textFirst > 2)
        {
            textFirst++;
            textEnd = TrimTrailing(textFirst, textEnd - 1);
        }

        draft.Content = Clean(_doc.Slice(textFirst, textEnd - 1));
        if (isQuote)
        {
            draft.Quote = draft.Content;
        }

        draft.Modality = ModalityClassifier.Modality(_doc, first, end, draft.Flags);
        draft.IsDenial = ModalityClassifier.IsDenial(_doc, first, end, draft.Flags);
    }

    /// <summary>Drops a quote's trailing comma or dash ("… needs,”).</summary>
    private int TrimTrailing(int first, int end)
    {
        while (end > first + 1 && (_doc.Is(end - 1, ',') || _doc.Is(end - 1, '—') || _doc.Is(end - 1, '–') || _doc.Is(end - 1, '-')))
        {
            end--;
        }

        return end;
    }

    private ExtractionResult Build(List<QuantityMention> quantities, List<TimeMention> times)
    {
        var (actors, keys) = _registry.Build();
        var statements = new List<ExtractedStatement>(_drafts.Count);
        foreach (var d in _drafts.OrderBy(d => d.ContentSpan.Begin))
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

            var speakerText = d.SourceSpan.IsEmpty ? string.Empty : _input.Text[d.SourceSpan.Begin..d.SourceSpan.End];
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

    private sealed record Carrier(int ActorId, TextSpan SourceSpan, string Cue, TextSpan CueSpan);

    private sealed class Draft
    {
        public int SpeakerId { get; set; }

        public TextSpan SourceSpan { get; set; }

        public List<int> ViaIds { get; set; } = [];

        public string Cue { get; set; } = string.Empty;

        public TextSpan CueSpan { get; set; }

        public TokenRange ContentRange { get; set; }

        public TextSpan ContentSpan { get; set; }

        public string Content { get; set; } = string.Empty;

        public string? Quote { get; set; }

        public CueFlags Flags { get; set; }

        public StatementKind Kind { get; set; }

        public ExtractedModality Modality { get; set; }

        public bool IsDenial { get; set; }

        public bool IsQuestion { get; set; }

        public int ParagraphIndex { get; set; }
    }
}
