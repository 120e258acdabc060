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
            while (k < cueFirst && k - start < 8 && _doc.IsWord(k)
                && !(_doc.Lower(k) is "on" or "in" or "at" or "last" or "this" or "that"))
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

        return new Carrier(id, _doc.SpanOf(last.Source.First, last.Source.Last), Clean(_doc.Slice(last.Cue.First, last.Cue.Last)),
            _doc.SpanOf(last.Cue.First, last.Cue.Last));
    }
}
