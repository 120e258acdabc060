using ClaimTracker.Extraction.Actors;
using ClaimTracker.Extraction.Attribution;
using ClaimTracker.Extraction.Quantities;
using ClaimTracker.Extraction.Text;

namespace ClaimTracker.Extraction;

/// <summary>Resolving speakers: pronouns, unidentified sources, interviewers and the carrier of a paragraph.</summary>
internal sealed partial class ExtractionRun
{
    private (int Speaker, TextSpan Span, bool IsPronoun) ResolveSpeaker(RawAttribution raw, Sentence sentence, Draft? previous)
    {
        var source = raw.Source;
        if (raw.Speaker == SpeakerHint.SameAsPrevious || source.IsEmpty)
        {
            if (previous is not null)
            {
                return (previous.SpeakerId, previous.SourceSpan, false);
            }

            source = PhraseFinder.SentenceSubject(doc, sentence.First, raw.Cue.First);
            if (source.IsEmpty)
            {
                var fallback = lastStatement?.SpeakerId ?? Unidentified(sentence);
                return (fallback, default, true);
            }
        }

        var span = doc.SpanOf(source.First, source.Last);
        var phrase = ActorPhraseParser.Parse(doc, source);
        if (phrase is null)
        {
            return (Unidentified(sentence), span, false);
        }

        var position = doc.Tokens[source.First].Begin;
        if (phrase.IsPronoun)
        {
            return (ResolvePronoun(phrase.Pronoun!, source, sentence, position), span, true);
        }

        var id = registry.Resolve(phrase, position, referenced: true);
        if (registry.KindOf(id) != ActorKindHint.Person)
        {
            lastOrgSpeaker = id;
        }

        return (id, span, false);
    }

    private int ResolvePronoun(string pronoun, TokenRange source, Sentence sentence, int position)
    {
        int id;
        switch (pronoun)
        {
            case "he" or "she" or "him" or "her" or "his":
                id = registry.LastPersonBefore(position);
                break;
            case "it" or "they" or "them":
                id = lastOrgSpeaker >= 0 ? lastOrgSpeaker : lastStatement?.SpeakerId ?? -1;
                break;
            case "who" or "which" or "that":
                id = -1;
                if (doc.Is(source.First - 1, ','))
                {
                    var antecedent = PhraseFinder.SubjectBefore(doc, source.First - 1, sentence.First);
                    if (!antecedent.IsEmpty && ActorPhraseParser.Parse(doc, antecedent) is { IsPronoun: false } phrase)
                    {
                        id = registry.Resolve(phrase, doc.Tokens[antecedent.First].Begin, referenced: true);
                    }
                }

                break;
            case "i" or "we" or "me" or "us":
                id = outletId;
                break;
            default:
                id = -1;
                break;
        }

        return id >= 0 ? registry.Root(id) : Unidentified(sentence);
    }

    private int Unidentified(Sentence sentence)
    {
        var phrase = new ActorPhrase(UnidentifiedSpeaker, UnidentifiedSpeaker, ActorKindHint.Unknown, null, null, null, null, true, null);
        return registry.Resolve(phrase, doc.Tokens[sentence.First].Begin, referenced: true);
    }

    private void AddVia(List<int> vias, int speaker, TokenRange range, bool requireOutlet)
    {
        if (range.IsEmpty || ActorPhraseParser.Parse(doc, range) is not { IsPronoun: false } phrase)
        {
            return;
        }

        if (requireOutlet && phrase.Kind != ActorKindHint.Outlet)
        {
            return;
        }

        var id = registry.Resolve(phrase, doc.Tokens[range.First].Begin, referenced: true);
        if (id != speaker && !vias.Contains(id) && id != outletId)
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
            if (!doc.Is(i, "interview") || !doc.Is(i + 1, "with"))
            {
                continue;
            }

            var start = i + 2;
            var k = start;
            while (k < cueFirst && k - start < 8 && doc.IsWord(k)
                && !(doc.Lower(k) is "on" or "in" or "at" or "last" or "this" or "that"))
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
        if ((last.Flags & CueFlags.Reporting) == 0 || last.Source.IsEmpty || last.Quote is not null
            || last.Content.First > last.Source.First)
        {
            return null;
        }

        var phrase = ActorPhraseParser.Parse(doc, last.Source);
        if (phrase is null || phrase.IsPronoun || phrase.Kind != ActorKindHint.Outlet)
        {
            return null;
        }

        var id = registry.Resolve(phrase, doc.Tokens[last.Source.First].Begin, referenced: true);
        if (id == outletId)
        {
            return null;
        }

        return new Carrier(id, doc.SpanOf(last.Source.First, last.Source.Last), Clean(doc.Slice(last.Cue.First, last.Cue.Last)),
            doc.SpanOf(last.Cue.First, last.Cue.Last));
    }
}
