namespace ClaimTracker.Extraction.Propositions;

/// <summary>Where the text names an actor: the character range and the actor's index in the extraction's actor list.</summary>
internal readonly record struct ActorMention(int Begin, int End, int Actor);

/// <summary>
/// Finds where the text names each actor in one forward pass: the actors' aliases in a trie walked from every
/// position that starts a word, the longest alias wins where two start together ("Kim Jong-dae" is not "Kim"),
/// a mention never overlaps the one before it, and an alias two actors share goes to the first listed. The work
/// is the text's length times the longest alias, however many actors there are.
/// </summary>
internal static class ActorMentions
{
    public static List<ActorMention> Find(string text, IReadOnlyList<ExtractedActor> actors)
    {
        var trie = new AliasTrie();
        for (var a = 0; a < actors.Count; a++)
        {
            foreach (var alias in actors[a].Aliases.Append(actors[a].Name))
            {
                if (alias.Length > 1)
                {
                    trie.Add(alias, a);
                }
            }
        }

        var mentions = new List<ActorMention>();
        var covered = 0;
        for (var at = 0; at < text.Length; at++)
        {
            if (at < covered || !IsBoundary(text, at - 1))
            {
                continue;
            }

            var (length, actor) = trie.LongestAt(text, at);
            if (length > 0)
            {
                mentions.Add(new ActorMention(at, at + length, actor));
                covered = at + length;
            }
        }

        return mentions;
    }

    internal static bool IsBoundary(string text, int index) =>
        index < 0 || index >= text.Length || !(char.IsLetterOrDigit(text[index]) || text[index] == '-');

    /// <summary>Aliases character by character; a node that ends an alias knows the first actor that has it.</summary>
    private sealed class AliasTrie
    {
        private readonly Dictionary<(int Node, char Next), int> children = [];
        private readonly List<int> actorEndingHere = [-1];

        public void Add(string alias, int actor)
        {
            var node = 0;
            foreach (var c in alias)
            {
                if (!children.TryGetValue((node, c), out var child))
                {
                    child = actorEndingHere.Count;
                    actorEndingHere.Add(-1);
                    children.Add((node, c), child);
                }

                node = child;
            }

            if (actorEndingHere[node] < 0)
            {
                actorEndingHere[node] = actor;
            }
        }

        /// <summary>The longest alias that starts at <paramref name="at"/> and ends at a word boundary, or length 0.</summary>
        public (int Length, int Actor) LongestAt(string text, int at)
        {
            var best = (Length: 0, Actor: -1);
            var node = 0;
            for (var i = at; i < text.Length && children.TryGetValue((node, text[i]), out node); i++)
            {
                if (actorEndingHere[node] >= 0 && IsBoundary(text, i + 1))
                {
                    best = (i + 1 - at, actorEndingHere[node]);
                }
            }

            return best;
        }
    }
}
