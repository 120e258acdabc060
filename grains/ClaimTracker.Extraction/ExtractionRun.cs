using ClaimTracker.Extraction.Actors;
using ClaimTracker.Extraction.Attribution;
using ClaimTracker.Extraction.Attribution.Ranking;
using ClaimTracker.Extraction.Quantities;
using ClaimTracker.Extraction.Text;

namespace ClaimTracker.Extraction;

/// <summary>
/// One extraction: splits the text, finds attributions sentence by sentence in reading order,
/// resolves speakers (pronouns to the latest person, "it" to the latest organisation), builds
/// attribution chains (a paragraph ending "…, AFP reports" makes AFP the carrier of that paragraph
/// and of the paragraphs that continue it) and attaches quantities and times.
/// </summary>
internal sealed partial class ExtractionRun
{
    private const string UnknownSourceName = "Unknown source";
    private const string UnidentifiedSpeaker = "unidentified source";
    private const int MaxInterviewDistance = 40;

    /// <summary>Words that open a paragraph continuing the previous one: its carrier ("…, AFP reports") carries on.</summary>
    private static readonly HashSet<string> Connectives = Lexicon.Words("connectives");

    private readonly ArticleInput input;
    private readonly Document doc;
    private readonly ActorRegistry registry = new();
    private readonly List<Draft> drafts = [];
    private readonly int outletId;
    private int lastOrgSpeaker = -1;
    private Draft? lastQuote;
    private Draft? lastStatement;

    private readonly AttributionFilter? filter;

    public ExtractionRun(ArticleInput input, AttributionFilter? filter)
    {
        this.input = input;
        this.filter = filter;
        doc = new Document(input.Text);
        outletId = registry.AddOutlet(string.IsNullOrWhiteSpace(input.SourceName) ? UnknownSourceName : input.SourceName.Trim());
    }

    public ExtractionResult Run()
    {
        if (IsHeadlineOnly)
        {
            return RunHeadline();
        }

        var paragraphs = ParagraphSplitter.Split(doc);
        PersonScanner.Register(doc, paragraphs, registry);
        var quantities = QuantityParser.Parse(doc, Published?.Year);
        var times = TimeParser.Parse(doc, Published);

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
            SentenceSplitter.Split(doc, paragraph, sentences);
            var raws = new List<List<RawAttribution>>(sentences.Count);
            foreach (var sentence in sentences)
            {
                raws.Add(FindAttributions(sentence));
            }

            carrier = FindCarrier(sentences, raws) ?? (carrier is not null && StartsWithConnective(paragraph) ? carrier : null);
            for (var s = 0; s < sentences.Count; s++)
            {
                ProcessSentence(sentences[s], raws[s], carrier);
            }
        }

        return Build(quantities, times);
    }

    /// <summary>
    /// The attributions of a body sentence: the high-recall rule candidates that the learned filter keeps, or the rules
    /// alone without a filter.
    /// </summary>
    private List<RawAttribution> FindAttributions(Sentence sentence)
    {
        if (this.filter is not { } filter)
        {
            return AttributionFinder.Find(doc, sentence);
        }

        var candidates = AttributionFinder.FindCandidates(doc, sentence, filter.Rates);
        return candidates.Count > 0 ? filter.Keep(doc, sentence, candidates) : candidates;
    }

    private DateOnly? Published => this.input.PublishedAt is { } at ? DateOnly.FromDateTime(at.UtcDateTime) : null;

    /// <summary>The report is its headline alone (the text is the title): the headline is the report's one statement.</summary>
    private bool IsHeadlineOnly => this.input.Title is { } title && title.Trim().Length > 0
        && string.Equals(title.Trim(), this.input.Text.Trim(), StringComparison.Ordinal);

    /// <summary>
    /// A headline standing for its report states one proposition: the whole headline without its labels
    /// (the matcher and the stance rules read it as written, cue words included), said by the speaker it
    /// cites ("Nigeria says …", "Boko Haram Denies …") or else by the report's own source. A question
    /// asks rather than states; a label citing unnamed sources ("Sources: …", "…: report") hedges.
    /// </summary>
    private ExtractionResult RunHeadline()
    {
        var frame = Headlines.HeadlineFrame.Read(doc);
        var words = 0;
        for (var i = frame.First; i < frame.End; i++)
        {
            words += doc.IsWord(i) ? 1 : 0;
        }

        if (words >= 3)
        {
            var paragraph = new Paragraph(0, frame.First, frame.End, BlockKind.Heading);
            var sentence = new Sentence(frame.First, frame.End, paragraph);
            var raws = AttributionFinder.Find(doc, sentence);
            Draft? attributed = null;
            if (raws.Count > 0)
            {
                // "Boko Haram agrees to release schoolgirls, Nigeria says": the speaker whose words span the most.
                ProcessSentence(sentence, raws, carrier: null);
                attributed = this.drafts.MaxBy(d => d.ContentRange.End - d.ContentRange.First);
                this.drafts.Clear();
            }

            var draft = attributed ?? new Draft { SpeakerId = outletId, ViaIds = [], Kind = StatementKind.OwnReporting };
            SetContent(draft, new TokenRange(frame.First, frame.End), isQuote: false);
            draft.Quote = null;
            draft.IsQuestion = IsQuestion(frame.First, frame.End);
            if (frame.CitesUnnamedSource)
            {
                draft.Modality = ExtractedModality.Hedged;
            }

            Add(draft);
        }

        return Build(QuantityParser.Parse(doc, Published?.Year), TimeParser.Parse(doc, Published));
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
            if (isPronoun && vias.Count == 0 && lastStatement is { } last && last.SpeakerId == speaker)
            {
                vias.AddRange(last.ViaIds);
            }

            var draft = new Draft
            {
                SpeakerId = speaker,
                SourceSpan = sourceSpan,
                ViaIds = vias,
                Cue = raw.CueText ?? Clean(doc.Slice(raw.Cue.First, raw.Cue.Last)),
                CueSpan = doc.SpanOf(raw.Cue.First, raw.Cue.Last),
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
        SentenceSplitter.Split(doc, paragraph, sentences);
        foreach (var sentence in sentences)
        {
            var raws = AttributionFinder.Find(doc, sentence);
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
        if (doc.Tokens[first].Kind == TokenKind.OpenQuote && lastQuote is { } quoted
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
            var innerEnd = doc.Tokens[end - 1].Kind == TokenKind.CloseQuote ? end - 1 : end;
            SetContent(continuation, new TokenRange(first + 1, innerEnd), isQuote: true);
            Add(continuation);
            return;
        }

        var words = 0;
        for (var i = first; i < end && words < 3; i++)
        {
            if (doc.IsWord(i))
            {
                words++;
            }
        }

        var opensLikeSentence = doc.IsCapitalized(first) || doc.Tokens[first].Kind is TokenKind.Number or TokenKind.OpenQuote;
        if (words < 3 || !opensLikeSentence || IsQuestion(first, end))
        {
            return;
        }

        var draft = new Draft
        {
            SpeakerId = carrier?.ActorId ?? outletId,
            SourceSpan = carrier?.SourceSpan ?? default,
            ViaIds = [],
            Cue = carrier?.Cue ?? string.Empty,
            CueSpan = carrier?.CueSpan ?? default,
            Kind = carrier is null ? StatementKind.OwnReporting : StatementKind.CarriedReporting,
            ParagraphIndex = sentence.Paragraph.Index,
        };
        var contentEnd = end;
        while (contentEnd > first + 1 && doc.IsTerminal(contentEnd - 1))
        {
            contentEnd--;
        }

        SetContent(draft, new TokenRange(first, contentEnd), isQuote: false);
        Add(draft);
    }

    private void Add(Draft draft)
    {
        this.drafts.Add(draft);
        registry.MarkReferenced(draft.SpeakerId);
        foreach (var via in draft.ViaIds)
        {
            registry.MarkReferenced(via);
        }

        if (draft.Quote is not null)
        {
            lastQuote = draft;
        }

        if (draft.Kind == StatementKind.Attributed)
        {
            lastStatement = draft;
        }
    }

    private bool StartsWithConnective(Paragraph paragraph) => Connectives.Contains(doc.Lower(paragraph.First));

    private bool IsQuestion(int first, int end)
    {
        var last = end - 1;
        while (last > first && doc.Tokens[last].Kind is TokenKind.CloseQuote or TokenKind.CloseSingleQuote)
        {
            last--;
        }

        return doc.Is(last, '?');
    }

    private bool IsWholeQuote(int first, int end)
    {
        for (var i = first + 1; i < end; i++)
        {
            if (doc.Tokens[i].Kind == TokenKind.CloseQuote)
            {
                return i >= end - 2;
            }
        }

        return true;
    }

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
