namespace ClaimTracker.Extraction.Tests;

/// <summary>
/// Structures around a verb of saying that hide the speaker from a word-by-word walk: adverbials between
/// the cue and its content, appositives with a capitalised role, relative clauses, inverted and headline cues.
/// </summary>
public sealed class SpeakerStructureTests
{
    private static readonly ArticleExtractor Extractor = new();

    private static ExtractedStatement Attributed(string text, string cue)
        => Assert.Single(
            Extractor.Extract(new ArticleInput(text, "Outlet")).Statements,
            s => s.Kind == StatementKind.Attributed && s.Cue == cue);

    [Theory]
    [InlineData("Marlow said in an interview with a local radio station last week that the plant would close.", "the plant would close")]
    [InlineData("Marlow said on Tuesday he would not run again.", "he would not run again")]
    [InlineData("Marlow said at a town hall in Dayton, “We are not done yet.”", "We are not done yet.")]
    public void An_adverbial_between_cue_and_content_is_skipped(string text, string content)
    {
        var s = Assert.Single(Extractor.Extract(new ArticleInput(text, "Outlet")).Statements, s => s.Kind == StatementKind.Attributed);
        Assert.Equal("Marlow", s.SpeakerText);
        Assert.Equal(content, s.Content);
    }

    [Theory]
    [InlineData(
        "Dana Whitfield, Ohio director for the campaign, said the office would open in May.",
        "Dana Whitfield, Ohio director for the campaign")]
    [InlineData(
        "Last week, the agency's director, Paul R. Hensley, recommended that the audit be closed.",
        "the agency's director, Paul R. Hensley")]
    [InlineData("Whitfield, though, said the office would open in May.", "Whitfield, though")]
    public void A_capitalised_appositive_or_an_aside_keeps_the_head(string text, string source)
    {
        var s = Assert.Single(Extractor.Extract(new ArticleInput(text, "Outlet")).Statements, s => s.Kind == StatementKind.Attributed);
        Assert.Equal(source, s.SpeakerText);
    }

    [Fact]
    public void The_head_before_a_relative_clause_speaks()
    {
        var s = Attributed("Two aides who spoke with the Daily Courier said the memo was a draft.", "said");
        Assert.Equal("Two aides", s.SpeakerText);
        Assert.Equal("the memo was a draft", s.Content);
    }

    [Fact]
    public void A_relative_pronoun_is_a_source()
    {
        var s = Attributed("The flood came a week after a report, which concluded that the levees had failed.", "concluded");
        Assert.Equal("which", s.SpeakerText);
        Assert.StartsWith("the levees had failed", s.Content, StringComparison.Ordinal);
    }

    [Fact]
    public void A_later_speaker_after_a_relative_clause_ends_the_earlier_content()
    {
        var result = Extractor.Extract(new ArticleInput(
            "While the mayor has condemned the plan, the groups who wrote to him on Thursday say they are worried.",
            "Outlet"));
        var say = Assert.Single(result.Statements, s => s.Cue == "say");
        Assert.Equal("the groups", say.SpeakerText);
        Assert.Equal("they are worried", say.Content);
        Assert.Equal("the plan", Assert.Single(result.Statements, s => s.Cue == "has condemned").Content);
    }

    [Fact]
    public void A_clause_with_its_own_quote_is_the_content_of_the_verb_before_it()
    {
        var s = Assert.Single(
            Extractor.Extract(new ArticleInput("Marlow said he wants “a full review of the contract.”", "Outlet")).Statements);
        Assert.Equal("Marlow", s.SpeakerText);
        Assert.Equal("said", s.Cue);
    }

    [Fact]
    public void A_later_coordinated_speaker_ends_the_earlier_content_past_a_noun_that_looks_like_a_cue()
    {
        var result = Extractor.Extract(new ArticleInput(
            "He agreed that the mayor may struggle to win support among delegates, but he said that sentiment will change.",
            "Outlet"));
        Assert.Equal(
            "the mayor may struggle to win support among delegates",
            Assert.Single(result.Statements, s => s.Cue == "agreed").Content);
        Assert.Equal("sentiment will change", Assert.Single(result.Statements, s => s.Cue == "said").Content);
    }

    [Theory]
    [InlineData("The budget had a hole in it, she said in a video message to the council.", "she")]
    [InlineData("The office will open in May, a spokeswoman said on Saturday, and it will hire ten people.", "a spokeswoman")]
    [InlineData(
        "“The more you wait the worse it gets.” Dana Whitfield, a veteran of the agency who retired in 2013, "
        + "said the approach is insufficient.",
        "Dana Whitfield, a veteran of the agency who retired in 2013")]
    public void A_trailing_or_inverted_cue_with_an_adverbial_keeps_its_speaker(string text, string source)
        => Assert.Contains(
            Extractor.Extract(new ArticleInput(text, "Outlet")).Statements,
            s => s.Kind == StatementKind.Attributed && s.SpeakerText == source);

    [Fact]
    public void A_plural_noun_before_that_is_not_a_cue()
        => Assert.DoesNotContain(
            Extractor.Extract(new ArticleInput("Shirts appeared in front of the headquarters that said the party had won.", "Outlet"))
                .Statements,
            s => s.Cue == "headquarters");

    [Fact]
    public void A_pronoun_after_the_cue_is_content_not_an_inverted_speaker()
    {
        var s = Attributed("Whitfield, however, said he's with the governor, who he is backing in the primary.", "said");
        Assert.Equal("Whitfield, however", s.SpeakerText);
    }

    [Theory]
    [InlineData("“The caucus is a battle of niches” Marlow said.", "Marlow", "said", "The caucus is a battle of niches")]
    [InlineData(
        "“They know the mayor is strong,” a voice-over in the ad states.",
        "a voice-over in the ad",
        "states",
        "They know the mayor is strong")]
    [InlineData(
        "The house was renovated. Said Dana Whitfield, who grew up nearby, “We were all so proud.”",
        "Dana Whitfield, who grew up nearby",
        "Said",
        "We were all so proud.")]
    public void Quotes_with_a_bare_or_inverted_cue(string text, string source, string cue, string content)
    {
        var s = Attributed(text, cue);
        Assert.Equal(source, s.SpeakerText);
        Assert.Equal(content, s.Content);
    }

    [Theory]
    [InlineData(
        "Dana Whitfield, the party chairman, this past week announced the creation of a website.",
        "Dana Whitfield, the party chairman",
        "the creation of a website")]
    [InlineData("The county board on Monday said the audit was complete.", "The county board", "the audit was complete")]
    [InlineData("Marlow announced on Monday the lawsuit against the state.", "Marlow", "the lawsuit against the state")]
    public void A_time_phrase_next_to_the_cue_is_neither_speaker_nor_content(string text, string source, string content)
    {
        var s = Assert.Single(Extractor.Extract(new ArticleInput(text, "Outlet")).Statements, s => s.Kind == StatementKind.Attributed);
        Assert.Equal(source, s.SpeakerText);
        Assert.Equal(content, s.Content);
    }

    [Theory]
    [InlineData("A state university poll out this week shows the mayor with an eight-point lead.", "A state university poll out", "shows")]
    [InlineData("Polls in the county show the two candidates are tied.", "Polls in the county", "show")]
    [InlineData("In breaking down the results, the Daily Courier found voters favored the levy.", "the Daily Courier", "found")]
    public void Polls_studies_and_outlets_show_and_find_without_that(string text, string source, string cue)
    {
        var s = Assert.Single(Extractor.Extract(new ArticleInput(text, "Outlet")).Statements, s => s.Kind == StatementKind.Attributed);
        Assert.Equal(source, s.SpeakerText);
        Assert.Equal(cue, s.Cue);
    }

    [Theory]
    [InlineData(
        "Sanders: Endorsements prove the mayor is 'the candidate of the establishment'\n\nThe senator spoke in Iowa.",
        "Sanders",
        ":")]
    [InlineData("Glenn Whitfield Says The Levy Will Fail In November\n\nThe vote is next week.", "Glenn Whitfield", "Says")]
    public void A_headline_can_attribute(string text, string source, string cue)
    {
        var s = Assert.Single(Extractor.Extract(new ArticleInput(text, "Outlet")).Statements, s => s.Kind == StatementKind.Attributed);
        Assert.Equal(source, s.SpeakerText);
        Assert.Equal(cue, s.Cue);
    }

    [Fact]
    public void A_headline_without_a_cue_is_no_statement()
        => Assert.DoesNotContain(
            Extractor.Extract(new ArticleInput("Here are the key takeaways\n\nThe vote is next week.", "Outlet")).Statements,
            s => s.Content.Contains("takeaways", StringComparison.Ordinal));

    [Theory]
    [InlineData("Perez hammered the mayor, calling him a “train wreck.”", "Perez", "calling")]
    [InlineData(
        "Teachers were early supporters, with the state teachers union calling her “a champion.”",
        "the state teachers union",
        "calling")]
    [InlineData("Forward Ohio, a super PAC backing the governor, has spent heavily.", "a super PAC", "backing")]
    public void Participles_after_a_comma_a_noun_or_with(string text, string source, string cue)
    {
        var s = Assert.Single(
            Extractor.Extract(new ArticleInput(text, "Outlet")).Statements,
            s => s.Kind == StatementKind.Attributed && s.Cue == cue);
        Assert.Equal(source, s.SpeakerText);
    }

    [Fact]
    public void A_reduced_relative_participle_ends_at_its_comma()
    {
        var s = Assert.Single(
            Extractor.Extract(new ArticleInput("Forward Ohio, a super PAC backing the governor, has spent heavily.", "Outlet")).Statements,
            s => s.Cue == "backing");
        Assert.Equal("the governor", s.Content);
    }

    [Theory]
    [InlineData(
        "When asked by a reporter whether the plan would pass, Marlow shrugged.",
        "a reporter",
        "asked",
        "whether the plan would pass")]
    [InlineData(
        "As reported by the Daily Courier, the plant will close in May.",
        "the Daily Courier",
        "reported",
        "the plant will close in May")]
    [InlineData("Marlow was attacked by Whitfield for his vote on the levy.", "Whitfield", "attacked", "Marlow")]
    public void The_agent_of_a_passive_cue_is_the_source(string text, string source, string cue, string content)
    {
        var s = Assert.Single(
            Extractor.Extract(new ArticleInput(text, "Outlet")).Statements,
            s => s.Kind == StatementKind.Attributed && s.Cue == cue);
        Assert.Equal(source, s.SpeakerText);
        Assert.Equal(content, s.Content);
    }

    [Fact]
    public void A_question_is_hedged_not_asserted()
    {
        var s = Assert.Single(Extractor.Extract(
            new ArticleInput("When asked by a reporter whether the plan would pass, Marlow shrugged.", "Outlet")).Statements, s => s
                .Cue == "asked");
        Assert.Equal(ExtractedModality.Hedged, s.Modality);
    }

    [Fact]
    public void A_relative_that_is_a_source()
    {
        var s = Assert.Single(Extractor.Extract(
            new ArticleInput(
                "The group was founded by an organization that endorsed Whitfield before the primary.",
                "Outlet")).Statements, s => s.Cue == "endorsed");
        Assert.Equal("that", s.SpeakerText);
    }

    [Fact]
    public void Only_verbs_of_saying_take_their_speaker_after_them()
    {
        var s = Assert.Single(
            Extractor.Extract(new ArticleInput("In the 1952 campaign, Eisenhower and his adviser, John Foster Dulles, criticized " +
                "President Truman's strategy of containment.", "Outlet")).Statements,
            s => s.Cue == "criticized");
        Assert.DoesNotContain("Truman", s.SpeakerText, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("Voters fear the levy will raise rents.", "Voters", "fear")]
    [InlineData("Most residents see the mayor as honest.", "Most residents", "see")]
    [InlineData("The council members expect to finish the budget in May.", "The council members", "expect")]
    [InlineData("Whitfield is in Ohio, hoping to win over union voters.", "Whitfield", "hoping")]
    public void Beliefs_expectations_and_intentions_are_hedged_attributions(string text, string source, string cue)
    {
        var s = Assert.Single(
            Extractor.Extract(new ArticleInput(text, "Outlet")).Statements,
            s => s.Kind == StatementKind.Attributed && s.Cue == cue);
        Assert.Equal(source, s.SpeakerText);
        Assert.Equal(ExtractedModality.Hedged, s.Modality);
    }

    [Theory]
    [InlineData("The fear of a recession grew in May.")]
    [InlineData("The view from the bridge was clear.")]
    public void Belief_words_used_as_nouns_are_not_cues(string text)
        => Assert.DoesNotContain(Extractor.Extract(new ArticleInput(text, "Outlet")).Statements, s => s.Kind == StatementKind.Attributed);

    [Fact]
    public void A_cue_in_the_next_speakers_appositive_ends_before_it()
    {
        var result = Extractor.Extract(new ArticleInput(
            "A city official, who requested anonymity to discuss the talks, said the mayor has spoken with the governor.",
            "Outlet"));
        Assert.Equal("the mayor has spoken with the governor", Assert.Single(result.Statements, s => s.Cue == "said").Content);
    }

    [Theory]
    [InlineData(
        "The jobs will not come back, said Dana Whitfield, a professor of economics, who is one of the foremost experts on trade.",
        "Dana Whitfield, a professor of economics")]
    [InlineData("“We are not done,” said Mr. Marlow, who runs the agency.", "Mr. Marlow, who runs the agency")]
    public void An_inverted_speaker_with_a_title_or_a_closing_relative_clause(string text, string source)
        => Assert.Equal(
            source,
            Assert.Single(Extractor.Extract(new ArticleInput(text, "Outlet")).Statements, s => s.Cue == "said").SpeakerText);

    [Fact]
    public void A_later_speaker_after_when_or_as_ends_the_earlier_content()
    {
        var result = Extractor.Extract(
            new ArticleInput("Whitfield pointed to the polls, smiling as he noted that the race had tightened.", "Outlet"));
        var noted = Assert.Single(result.Statements, s => s.Cue == "noted");
        Assert.Equal("he", noted.SpeakerText);
        Assert.Equal("the polls, smiling", Assert.Single(result.Statements, s => s.Cue == "pointed to").Content);
    }

    [Theory]
    [InlineData("Marlow claims he's worth ten billion dollars.", "Marlow", "claims")]
    [InlineData("As the Courier put it, “The levy is dead.”", "the Courier", "put")]
    [InlineData("Given that, as the Courier reported on Saturday, he has already emerged as an adviser.", "the Courier", "reported")]
    [InlineData("The plant will close in May, as the Courier reported.", "the Courier", "reported")]
    [InlineData(
        "After a long speech -- complete with a teleprompter -- Marlow told supporters that the fight was over.",
        "Marlow",
        "told supporters")]
    public void Asides_and_as_clauses_around_the_speaker(string text, string source, string cue)
    {
        var s = Assert.Single(
            Extractor.Extract(new ArticleInput(text, "Outlet")).Statements,
            s => s.Kind == StatementKind.Attributed && s.Cue == cue);
        Assert.Equal(source, s.SpeakerText);
    }

    [Fact]
    public void A_titled_name_after_a_subordinator_starts_a_new_attribution()
    {
        var result = Extractor.Extract(
            new ArticleInput("He attacked the senator's record after Mrs. Whitfield accused him of sexism.", "Outlet"));
        Assert.Equal("the senator's record", Assert.Single(result.Statements, s => s.Cue == "attacked").Content);
        Assert.Equal("Mrs. Whitfield", Assert.Single(result.Statements, s => s.Cue == "accused").SpeakerText);
    }

    [Fact]
    public void A_coordinated_cue_skips_the_dateline_for_its_subject()
    {
        var result = Extractor.Extract(
            new ArticleInput("DAYTON — Governor Marlow met the families on Thursday and said the state must act.", "Outlet"));
        Assert.Equal("Governor Marlow", Assert.Single(result.Statements, s => s.Cue == "said").SpeakerText);
    }

    [Theory]
    [InlineData("Local business owners are saying that the levy is unfair.", "Local business owners", "are saying")]
    [InlineData("The week marks the third in a row that the county poll has shown the mayor in the lead.", "the county poll", "has shown")]
    [InlineData("Marlow has raised doubts about the plan, falsely suggesting that it was never funded.", "Marlow", "falsely suggesting")]
    [InlineData(
        "Among likely voters, just over a quarter, 26 percent, say they will vote for someone else.",
        "a quarter, 26 percent",
        "say")]
    public void Progressive_perfect_and_adverb_forms_of_a_cue(string text, string source, string cue)
    {
        var s = Assert.Single(
            Extractor.Extract(new ArticleInput(text, "Outlet")).Statements,
            s => s.Kind == StatementKind.Attributed && s.Cue == cue);
        Assert.Equal(source, s.SpeakerText);
    }

    [Fact]
    public void A_plural_noun_after_a_past_tense_verb_is_not_a_cue()
        => Assert.DoesNotContain(
            Extractor.Extract(new ArticleInput("Marlow raised questions about the budget.", "Outlet")).Statements,
            s => s.Cue == "questions");

    [Theory]
    [InlineData(
        "At a town hall in Ames, Iowa, on Sunday, Mrs. Whitfield tried to explain her vote, saying that the levy was needed.",
        "Mrs. Whitfield")]
    [InlineData("But the win ushered in a thaw; he helped broker a truce that fall and decided to visit Dayton first.", "he")]
    public void Participles_and_coordinated_cues_take_the_clause_subject(string text, string source)
        => Assert.Contains(
            Extractor.Extract(new ArticleInput(text, "Outlet")).Statements,
            s => s.Kind == StatementKind.Attributed && s.SpeakerText == source);

    [Fact]
    public void A_name_and_a_colon_before_a_quote_inside_a_paragraph_is_a_speaker()
    {
        var result = Extractor.Extract(new ArticleInput(
            "The two differ. Marlow: \"Our goal is to close the plant.\" Whitfield: \"The goal is to keep it open.\"",
            "Outlet"));
        Assert.Contains(
            result.Statements,
            s => s.SpeakerText == "Marlow" && s.Cue == ":" && s.Content == "Our goal is to close the plant.");
        Assert.Contains(result.Statements, s => s.SpeakerText == "Whitfield" && s.Cue == ":");
    }

    [Theory]
    [InlineData("Marlow received support from six in 10 voters.")]
    [InlineData("Marlow leads the field with 36 percent support.")]
    public void Stance_words_after_a_verb_or_a_number_are_nouns(string text)
        => Assert.DoesNotContain(Extractor.Extract(new ArticleInput(text, "Outlet")).Statements, s => s.Kind == StatementKind.Attributed);

    [Fact]
    public void A_percentage_keeps_its_number()
        => Assert.Equal("74 percent", Assert.Single(
            Extractor.Extract(new ArticleInput("Of those polled, 74 percent said the county is on the wrong track.", "Outlet")).Statements,
            s => s.Cue == "said").SpeakerText);

    [Theory]
    [InlineData(
        "Sen. Dana Whitfield, R-Ky., told the Courier that polls could be \"way off,\" and have been wrong before.",
        "Sen. Dana Whitfield, R-Ky.")]
    [InlineData(
        "Support is strong among the most active members, teachers and union officials told the Courier.",
        "teachers and union officials")]
    public void State_abbreviations_and_paired_plural_nouns_stay_in_the_speaker(string text, string source)
        => Assert.Contains(
            Extractor.Extract(new ArticleInput(text, "Outlet")).Statements,
            s => s.Kind == StatementKind.Attributed && s.SpeakerText == source);

    [Fact]
    public void A_plural_noun_after_a_quote_is_no_cue()
        => Assert.DoesNotContain(
            Extractor.Extract(new ArticleInput("Polls could be \"way off,\" and have been unreliable in past elections.", "Outlet"))
                .Statements,
            s => s.Cue == "elections");

    [Theory]
    [InlineData("The web has sped up such rumors, said Dana Whitfield, the Courier's editor.", "Dana Whitfield, the Courier's editor")]
    [InlineData(
        "The approach is made possible by money, said Dana Whitfield, Facebook's global politics and outreach director.",
        "Dana Whitfield, Facebook's global politics and outreach director")]
    [InlineData("The rise was a surprise to many, said several observers.", "several observers")]
    public void A_short_or_long_speaker_after_a_trailing_verb_of_saying(string text, string source)
        => Assert.Equal(source, Assert.Single(
            Extractor.Extract(new ArticleInput(text, "Outlet")).Statements,
            s => s.Kind == StatementKind.Attributed).SpeakerText);

    [Fact]
    public void According_to_after_a_statement_carries_it()
    {
        var result = Extractor.Extract(
            new ArticleInput("Some 55 percent of voters said they distrust the mayor, according to a county poll.", "Outlet"));
        var poll = Assert.Single(result.Statements, s => s.Cue == "according to");
        Assert.Equal("a county poll", poll.SpeakerText);
        var voters = Assert.Single(result.Statements, s => s.Cue == "said");
        Assert.Equal("Some 55 percent of voters", voters.SpeakerText);
        Assert.Single(voters.ViaKeys);
    }

    [Fact]
    public void According_to_after_a_closing_quote_and_a_finished_statement()
    {
        var result = Extractor.Extract(
            new ArticleInput("“Delegates should vote as they see fit,” Marlow said, according to a Courier account.", "Outlet"));
        var s = Assert.Single(result.Statements, s => s.Kind == StatementKind.Attributed);
        Assert.Equal("Marlow", s.SpeakerText);
        Assert.Single(s.ViaKeys);
        var quoted = Assert.Single(Extractor.Extract(
            new ArticleInput("She compared the talks to a “root canal,” according to the aide’s memoir.", "Outlet")).Statements, s => s
                .Cue == "according to");
        Assert.Equal("the aide’s memoir", quoted.SpeakerText);
    }

    [Theory]
    [InlineData("Asked whether the plan had failed, Marlow shot back: “That would be news to me.”", "Marlow")]
    [InlineData("Whitfield points out that the levy passed twice.", "Whitfield")]
    public void Phrasal_verbs_of_reply_and_argument(string text, string source)
        => Assert.Contains(
            Extractor.Extract(new ArticleInput(text, "Outlet")).Statements,
            s => s.Kind == StatementKind.Attributed && s.SpeakerText == source);

    [Theory]
    [InlineData("Before the terror attacks, the council met weekly.")]
    [InlineData("The mayor's critics seized on the comments about the budget.")]
    [InlineData("Many conservative talk radio hosts were quiet on the issue.")]
    public void Words_that_are_mostly_nouns_need_a_name_or_pronoun_to_be_cues(string text)
        => Assert.DoesNotContain(Extractor.Extract(new ArticleInput(text, "Outlet")).Statements, s => s.Kind == StatementKind.Attributed);

    [Fact]
    public void A_noun_like_cue_after_a_name_is_still_a_cue()
        => Assert.Equal("Marlow", Assert.Single(
            Extractor.Extract(new ArticleInput("Marlow attacks the budget as wasteful.", "Outlet")).Statements,
            s => s.Kind == StatementKind.Attributed).SpeakerText);

    [Theory]
    [InlineData("The campaign hired a firm called Northline Analytics to study voters.")]
    [InlineData("They went underground for two years.")]
    public void Naming_participles_and_motion_verbs_are_no_cues(string text)
        => Assert.DoesNotContain(Extractor.Extract(new ArticleInput(text, "Outlet")).Statements, s => s.Kind == StatementKind.Attributed);

    [Fact]
    public void Went_after_is_still_a_cue()
        => Assert.Equal("went after", Assert.Single(
            Extractor.Extract(new ArticleInput("Marlow went after the mayor's budget.", "Outlet")).Statements,
            s => s.Kind == StatementKind.Attributed).Cue);

    [Theory]
    [InlineData(
        "Dana Whitfield, whose latest company, Northline, uses data to help brands, said the mayor was a good fit.",
        "Dana Whitfield, whose latest company, Northline, uses data to help brands")]
    [InlineData(
        "Marlow was in Dayton on Tuesday night, more than two months before the vote, emphasizing the state's importance.",
        "Marlow")]
    [InlineData("Essentially, the mayor's lawyers looked through the files and found that one message was missing.", "the mayor's lawyers")]
    public void Speakers_behind_relative_clauses_adverbials_and_participles(string text, string source)
        => Assert.Contains(
            Extractor.Extract(new ArticleInput(text, "Outlet")).Statements,
            s => s.Kind == StatementKind.Attributed && s.SpeakerText == source);

    [Fact]
    public void A_noun_with_a_passive_participle_and_its_agent()
    {
        var s = Assert.Single(Extractor.Extract(
            new ArticleInput(
                "The judges said the ruling must be binding, a call echoed by the council on Saturday.",
                "Outlet")).Statements, s => s.Cue == "echoed");
        Assert.Equal("the council", s.SpeakerText);
        Assert.Equal("a call", s.Content);
    }
}
