namespace Toolkit.Datasets.Text;

/// <summary>
/// Words that say nothing about a topic: common English function words, frequent verbs and adverbs, the
/// fragments contractions leave ("don", "isn"), and mail and newsgroup boilerplate ("writes", "article", "edu").
/// Only words of three or more letters are listed; shorter ones never become tokens.
/// </summary>
public static class StopWords
{
    private const string English = """
        about above across actually after again against all almost alone along already also although always among
        and another any anybody anyone anything anyway anywhere are around away back became because become becomes
        been before behind being below best better between beyond both but came can cannot could did different does
        doing done down during each either else enough etc even ever every everybody everyone everything everywhere
        far few for four from further gave get gets getting give given gives going gone good got had has have having
        her here hers herself him himself his how however into its itself just keep kept know known knows last least
        less let like likely little made make makes making many may maybe mean means might mine more most mostly much
        must myself near nearly need needs neither never new next nine nobody none nor not nothing now nowhere off
        often once one only onto other others otherwise our ours ourselves out over own part per perhaps please put
        quite rather really right said same saw say says second see seem seemed seems seen several shall she should
        show since six some somebody someone something sometime sometimes somewhat somewhere still such sure take
        taken ten than thank thanks that the their theirs them themselves then there therefore these they thing
        things think this those though three through thus till too took toward towards tried tries try trying two
        under unless until upon use used uses using very via want wanted wants was way ways well went were what
        whatever when where whether which while who whoever whole whom whose why will with within without would yes
        yet you your yours yourself yourselves also able ago already anyhow aside ask asked asking away certain
        certainly clearly come comes coming course definitely did either else especially example fact far find
        found first following go goes going greater hardly hence indeed instead kind lot lots look looking looks
        mainly meanwhile merely mostly namely nevertheless non okay old particular particularly possible probably
        quickly rarely read reading really regarding related say seriously since simply sort still thing third
        thought told truly unfortunately usually various whereas whereby wherein yeah year years time times day days
        point points problem question questions case cases work works world number people person anyone believe
        call called different end fine free full high help hope interested long large less line lines little mind
        name needs open order place real reason saying start state true type understand wrong word words let
        don doesn didn isn wasn aren weren couldn wouldn shouldn won hasn haven hadn ain can cant dont doesnt didnt
        isnt wasnt arent werent couldnt wouldnt shouldnt wont hasnt havent hadnt ive youre theyre thats whats lets
        heres theres
        """;

    private const string MailAndNews = """
        writes wrote write written article articles post posted posting posts reply replies message messages mail
        email mailing send sent list newsgroup newsgroups group groups net news usenet netnews faq subject summary
        keywords organization organisation distribution lines nntp host sender path date reference references
        followup edu com org gov mil uucp internet address addresses phone fax univ university dept department
        apr mar may jun jul aug sep oct nov dec jan feb monday tuesday wednesday thursday friday saturday sunday
        inc ltd corp regards cheers sincerely hello dear disclaimer opinions opinion views
        """;

    public static readonly IReadOnlySet<string> Default =
        (English + " " + MailAndNews).Split((char[])[' ', '\n', '\r'], StringSplitOptions.RemoveEmptyEntries)
        .ToHashSet(StringComparer.Ordinal);
}
