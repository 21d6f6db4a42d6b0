# ruff: noqa: E501 -- statement prose: one paragraph a line, as editors write Markdown.
"""Demo statements of 2021–2023: elections, mining, the media, violence, communities, housing."""

from datetime import date

from undersigned.demo.content.spec import Signers, StatementSpec, Text, at, md

LOCAL_ELECTIONS_2021 = StatementSpec(
    slug="local-elections-5-december-2021-preliminary-findings",
    status="published",
    published=at(2021, 12, 6, 13, 0),
    categories=("democracy", "local-self-government"),
    publishers=("observers-network",),
    events=(date(2021, 12, 5), None),
    signers=Signers(
        first=("observers-network", "election-integrity-lab"),
        count=9,
        pool=("members:observers-network",),
    ),
    texts={
        "en": Text(
            title="Local elections of 5 December 2021: preliminary findings of citizen observers",
            summary=(
                "The Citizen Observers' Network deployed 412 observers to 198 polling stations in "
                "nine communities. Voting was generally calm, but we recorded inaccessible polling "
                "stations, crowded premises and pressure on observers in several places."
            ),
            body=md(
                """
                On 5 December 2021 the Citizen Observers' Network observed the elections of community heads and councils in nine enlarged communities of the Shirak, Lori, Syunik and Gegharkunik regions. Our 412 trained, non-partisan observers followed the opening, voting and counting in 198 polling stations; mobile teams visited another 40.

                In most of the polling stations we observed, voting was calm and procedures were followed. Commission members were better prepared than in previous local elections, and the voter-authentication devices worked without major interruptions.

                We nevertheless recorded problems that call for attention:

                - 61 polling stations (31%) were not accessible to persons with limited mobility, and in 14 of them voters with disabilities could not vote at all;
                - in 23 stations the premises were too small for the secrecy of the vote to be ensured at peak hours;
                - in 9 stations our observers were asked to leave or were prevented from photographing the results protocol, contrary to the Electoral Code;
                - in 5 stations we observed organised transport of voters, and our observers reported two cases of possible vote-buying to the police.

                Full figures by community will be published with our final report within 30 days. We call on the Central Electoral Commission to examine each reported incident and to make the adaptation of polling stations a priority before the next elections.
                """
            ),
        ),
        "hy": Text(
            title="2021 թվականի դեկտեմբերի 5-ի տեղական ընտրություններ. քաղաքացի դիտորդների նախնական եզրահանգումները",
            summary=(
                "«Քաղաքացի դիտորդ» ցանցը ինը համայնքի 198 ընտրատեղամասում տեղակայել էր 412 "
                "դիտորդ։ Քվեարկությունը հիմնականում անցավ հանգիստ, սակայն մի շարք վայրերում "
                "արձանագրել ենք անմատչելի տեղամասեր, գերբեռնված տարածքներ և ճնշում դիտորդների "
                "նկատմամբ։"
            ),
            body=md(
                """
                2021 թվականի դեկտեմբերի 5-ին «Քաղաքացի դիտորդ» ցանցը դիտարկեց Շիրակի, Լոռու, Սյունիքի և Գեղարքունիքի մարզերի ինը խոշորացված համայնքների ղեկավարների և ավագանիների ընտրությունները։ Մեր 412 վերապատրաստված, անկուսակցական դիտորդները հետևեցին 198 ընտրատեղամասերի բացմանը, քվեարկությանը և ձայների հաշվարկին, իսկ շարժական խմբերն այցելեցին ևս 40 տեղամաս։

                Մեր դիտարկած ընտրատեղամասերի մեծ մասում քվեարկությունն անցավ հանգիստ, և ընթացակարգերը պահպանվեցին։ Հանձնաժողովների անդամներն ավելի լավ էին պատրաստված, քան նախորդ տեղական ընտրություններում, իսկ ընտրողների նույնականացման սարքերն աշխատեցին առանց էական ընդհատումների։

                Այնուամենայնիվ, արձանագրել ենք խնդիրներ, որոնք ուշադրության կարիք ունեն՝

                - 61 ընտրատեղամաս (31%) մատչելի չէր սահմանափակ շարժունակությամբ անձանց համար, և դրանցից 14-ում հաշմանդամություն ունեցող ընտրողներն ընդհանրապես չկարողացան քվեարկել,
                - 23 տեղամասում տարածքը չափազանց փոքր էր, և ամենածանրաբեռնված ժամերին քվեարկության գաղտնիությունը չէր ապահովվում,
                - 9 տեղամասում մեր դիտորդներին խնդրեցին հեռանալ կամ թույլ չտվեցին լուսանկարել արդյունքների արձանագրությունը, ինչը հակասում է Ընտրական օրենսգրքին,
                - 5 տեղամասում դիտարկել ենք ընտրողների կազմակերպված փոխադրում, և մեր դիտորդները ոստիկանությանը հաղորդել են ընտրակաշառքի հնարավոր երկու դեպքի մասին։

                Ըստ համայնքների ամբողջական տվյալները կհրապարակվեն 30 օրվա ընթացքում՝ մեր վերջնական զեկույցի հետ։ Կոչ ենք անում Կենտրոնական ընտրական հանձնաժողովին ուսումնասիրել յուրաքանչյուր հաղորդված դեպք և հաջորդ ընտրություններից առաջ առաջնահերթություն դարձնել ընտրատեղամասերի հարմարեցումը։
                """
            ),
        ),
    },
)

SYUNIK_MINING_2021 = StatementSpec(
    slug="syunik-mining-environmental-impact-assessments-2021",
    status="closed",
    published=at(2021, 11, 18, 10, 30),
    deadline=at(2021, 12, 15, 18, 0),
    categories=("environment", "local-self-government"),
    publishers=("green-syunik", "environmental-law"),
    signers=Signers(
        first=("green-syunik", "environmental-law", "syunik-women"),
        count=31,
        pool=(
            "members:energy-coalition",
            "members:sevan-coalition",
            "city:Kapan",
            "city:Goris",
            "city:Sisian",
            "city:Kajaran",
            "city:Meghri",
        ),
        exclude=("kapan-print", "sevan-solar", "argo-consulting", "mine-workers-union"),
    ),
    texts={
        "en": Text(
            title="Mining in Syunik: environmental impact assessments must be public before the permit, not after",
            summary=(
                "Thirty-one organisations ask the Ministry of Environment to publish every "
                "environmental impact assessment for mining projects in Syunik in full, to hold "
                "hearings in the affected villages and to monitor tailings dams independently."
            ),
            body=md(
                """
                Syunik is home to most of Armenia's metal mining. The mines give work to thousands of families, and the region's rivers, pastures and villages live with their consequences: dust from open pits, tailings dams above settlements, and the Voghji and Vorotan rivers carrying heavy metals downstream [1].

                In the past year the Ministry of Environment has issued positive conclusions on three expansion projects in the Kajaran and Kapan areas. In each case the full environmental impact assessment was published only after the conclusion had been issued, and the public hearings were held in community centres far from the villages most affected, on working days, with a few days' notice.

                This practice empties public participation of its meaning. The Aarhus Convention, to which Armenia has been a party since 2001, requires the public to be involved early, when all options are still open [2].

                We, the undersigned organisations, ask the Ministry of Environment and the Government:

                1. to publish every environmental impact assessment in full, with its annexes, at least 30 days before the public hearing;
                2. to hold hearings in each affected settlement, at times when residents can attend, and to publish the minutes together with the answers given;
                3. to commission independent monitoring of tailings dams and to publish the results every quarter;
                4. to review the three conclusions issued this year in the light of a proper consultation.

                We do not oppose mining as such. We oppose decisions taken without the people who will live with them.

                [1] Green Syunik, Heavy metals in the Voghji river: sampling 2019–2021, https://example.org/green-syunik/voghji-2021
                [2] Convention on Access to Information, Public Participation in Decision-making and Access to Justice in Environmental Matters, article 6, https://example.org/aarhus/article-6
                """
            ),
        ),
        "hy": Text(
            title="Հանքարդյունաբերությունը Սյունիքում. շրջակա միջավայրի վրա ազդեցության գնահատումները պետք է հրապարակվեն թույլտվությունից առաջ, ոչ թե հետո",
            summary=(
                "Երեսունմեկ կազմակերպություն խնդրում է Շրջակա միջավայրի նախարարությանը "
                "ամբողջությամբ հրապարակել Սյունիքի հանքարդյունաբերական ծրագրերի շրջակա միջավայրի "
                "վրա ազդեցության բոլոր գնահատումները, լսումներ անցկացնել տուժող գյուղերում և "
                "անկախ մոնիտորինգ իրականացնել պոչամբարների նկատմամբ։"
            ),
            body=md(
                """
                Սյունիքում է կենտրոնացված Հայաստանի մետաղական հանքարդյունաբերության մեծ մասը։ Հանքերն աշխատանք են տալիս հազարավոր ընտանիքների, իսկ մարզի գետերը, արոտավայրերը և գյուղերն ապրում են դրանց հետևանքների հետ՝ բաց հանքափորերի փոշի, բնակավայրերից վեր գտնվող պոչամբարներ, ծանր մետաղներ տանող Ողջի և Որոտան գետեր [1]։

                Անցած տարվա ընթացքում Շրջակա միջավայրի նախարարությունը դրական եզրակացություն է տվել Քաջարանի և Կապանի տարածքներում ընդլայնման երեք ծրագրի։ Յուրաքանչյուր դեպքում շրջակա միջավայրի վրա ազդեցության ամբողջական գնահատումը հրապարակվել է միայն եզրակացությունը տալուց հետո, իսկ հանրային լսումներն անցկացվել են ամենաշատ տուժող գյուղերից հեռու գտնվող համայնքային կենտրոններում, աշխատանքային օրերին, ընդամենը մի քանի օր առաջ ծանուցմամբ։

                Այս պրակտիկան զրկում է հանրային մասնակցությունն իր իմաստից։ Օրհուսի կոնվենցիան, որին Հայաստանը միացել է 2001 թվականին, պահանջում է հանրությանը ներգրավել վաղ փուլում, երբ բոլոր տարբերակները դեռ բաց են [2]։

                Մենք՝ ստորագրող կազմակերպություններս, խնդրում ենք Շրջակա միջավայրի նախարարությանը և Կառավարությանը՝

                1. հանրային լսումից առնվազն 30 օր առաջ ամբողջությամբ, հավելվածներով հանդերձ, հրապարակել շրջակա միջավայրի վրա ազդեցության յուրաքանչյուր գնահատում,
                2. լսումներ անցկացնել յուրաքանչյուր տուժող բնակավայրում, այնպիսի ժամերի, երբ բնակիչները կարող են մասնակցել, և հրապարակել արձանագրությունները տրված պատասխանների հետ միասին,
                3. պատվիրել պոչամբարների անկախ մոնիտորինգ և արդյունքները հրապարակել եռամսյակը մեկ,
                4. պատշաճ խորհրդակցությունից հետո վերանայել այս տարի տրված երեք եզրակացությունները։

                Մենք դեմ չենք հանքարդյունաբերությանն առհասարակ։ Մենք դեմ ենք այն որոշումներին, որոնք կայացվում են առանց այն մարդկանց, ովքեր պետք է ապրեն դրանց հետ։

                [1] «Կանաչ Սյունիք» ՀԿ, Ծանր մետաղները Ողջի գետում. նմուշառում 2019–2021, https://example.org/green-syunik/voghji-2021
                [2] Շրջակա միջավայրի հարցերով տեղեկատվության մատչելիության, որոշումների կայացմանը հանրության մասնակցության և արդարադատության մատչելիության մասին կոնվենցիա, հոդված 6, https://example.org/aarhus/article-6
                """
            ),
        ),
        "ru": Text(
            title="Горнодобыча в Сюнике: оценки воздействия на окружающую среду должны быть публичными до выдачи разрешения, а не после",
            summary=(
                "Тридцать одна организация просит Министерство окружающей среды публиковать в "
                "полном объёме все оценки воздействия горнодобывающих проектов в Сюнике на "
                "окружающую среду, проводить слушания в затронутых сёлах и обеспечить независимый "
                "мониторинг хвостохранилищ."
            ),
            body=md(
                """
                В Сюнике сосредоточена большая часть металлодобычи Армении. Рудники дают работу тысячам семей, а реки, пастбища и сёла области живут с их последствиями: пылью открытых карьеров, хвостохранилищами над населёнными пунктами, тяжёлыми металлами, которые реки Вохчи и Воротан несут вниз по течению [1].

                За прошедший год Министерство окружающей среды дало положительные заключения по трём проектам расширения в районах Каджарана и Капана. Каждый раз полная оценка воздействия на окружающую среду публиковалась лишь после выдачи заключения, а общественные слушания проводились в общинных центрах вдали от наиболее затронутых сёл, в рабочие дни и с уведомлением всего за несколько дней.

                Такая практика лишает общественное участие смысла. Орхусская конвенция, участницей которой Армения является с 2001 года, требует вовлекать общественность на раннем этапе, когда все варианты ещё открыты [2].

                Мы, нижеподписавшиеся организации, просим Министерство окружающей среды и Правительство:

                1. публиковать каждую оценку воздействия на окружающую среду полностью, вместе с приложениями, не менее чем за 30 дней до общественных слушаний;
                2. проводить слушания в каждом затронутом населённом пункте, в часы, когда жители могут прийти, и публиковать протоколы вместе с данными ответами;
                3. заказать независимый мониторинг хвостохранилищ и ежеквартально публиковать его результаты;
                4. пересмотреть три выданных в этом году заключения после надлежащих консультаций.

                Мы не выступаем против горнодобычи как таковой. Мы против решений, принятых без людей, которым с ними жить.

                [1] ОО «Зелёный Сюник», Тяжёлые металлы в реке Вохчи: отбор проб 2019–2021, https://example.org/green-syunik/voghji-2021
                [2] Конвенция о доступе к информации, участии общественности в процессе принятия решений и доступе к правосудию по вопросам, касающимся окружающей среды, статья 6, https://example.org/aarhus/article-6
                """
            ),
        ),
    },
)

ONLINE_MEDIA_2022 = StatementSpec(
    slug="online-media-registration-amendments-2022",
    status="published",
    published=at(2022, 3, 15, 15, 0),
    categories=("media-freedom",),
    publishers=("media-coalition",),
    events=(date(2022, 3, 1), None),
    signers=Signers(
        first=("free-speech-centre", "investigative-collective", "journalists-union"),
        count=18,
        pool=("members:media-coalition", "members:anticorruption-coalition"),
    ),
    texts={
        "en": Text(
            title="Registration is not a licence: withdraw the draft amendments on online media",
            summary=(
                "Members of the Free Press Alliance ask the Government to withdraw draft amendments "
                "that would oblige online media to register with a state body and allow their "
                "websites to be blocked for 'repeated violations'."
            ),
            body=md(
                """
                On 1 March 2022 the Ministry of Justice published for consultation draft amendments to the Law on Mass Media. They would require every online outlet with more than 3,000 daily readers to register with a state body, to name a responsible editor resident in Armenia, and to remove within 24 hours any material that the body finds to be "false information". The websites of outlets found to have committed "repeated violations" could be blocked.

                We, the undersigned media organisations and journalists' unions, share the concern about disinformation. It is real, and our members work every day to counter it. But the draft answers it with tools that would threaten independent journalism far more than they would disinformation:

                - the notion of "false information" is not defined, and the decision would be taken by an administrative body, not by a court;
                - a 24-hour deadline leaves no time to verify a claim or to contest the decision;
                - blocking a whole website for individual publications is disproportionate, and the European Court of Human Rights has repeatedly found such blocking to violate freedom of expression;
                - small regional outlets, which already struggle to survive, would bear the cost of compliance.

                We call on the Ministry of Justice to withdraw the draft and to start, together with media organisations, a genuine discussion on self-regulation, media literacy and the transparency of media ownership, which are more effective answers to disinformation.

                We remain open to that discussion and will submit our detailed comments within the consultation period.
                """
            ),
        ),
        "hy": Text(
            title="Գրանցումը լիցենզիա չէ. հետ վերցրե՛ք առցանց լրատվամիջոցների մասին փոփոխությունների նախագիծը",
            summary=(
                "«Ազատ մամուլ» դաշինքի անդամները Կառավարությանը խնդրում են հետ վերցնել "
                "փոփոխությունների նախագիծը, որը առցանց լրատվամիջոցներին կպարտավորեցնի գրանցվել "
                "պետական մարմնում և թույլ կտա արգելափակել դրանց կայքերը «կրկնվող խախտումների» "
                "համար։"
            ),
            body=md(
                """
                2022 թվականի մարտի 1-ին Արդարադատության նախարարությունը հանրային քննարկման դրեց «Զանգվածային լրատվության մասին» օրենքում փոփոխությունների նախագիծ։ Դրանով օրական 3000-ից ավելի ընթերցող ունեցող յուրաքանչյուր առցանց լրատվամիջոց պետք է գրանցվի պետական մարմնում, նշանակի Հայաստանում բնակվող պատասխանատու խմբագիր և 24 ժամվա ընթացքում հեռացնի ցանկացած նյութ, որը այդ մարմինը կհամարի «կեղծ տեղեկատվություն»։ «Կրկնվող խախտումներ» թույլ տված լրատվամիջոցների կայքերը կարող են արգելափակվել։

                Մենք՝ ստորագրող լրատվական կազմակերպություններս և լրագրողների միություններս, կիսում ենք ապատեղեկատվության վերաբերյալ մտահոգությունը։ Այն իրական է, և մեր անդամներն ամեն օր աշխատում են դրա դեմ։ Սակայն նախագիծը դրան պատասխանում է գործիքներով, որոնք անկախ լրագրությանը շատ ավելի կսպառնան, քան ապատեղեկատվությանը՝

                - «կեղծ տեղեկատվություն» հասկացությունը սահմանված չէ, և որոշումը կկայացնի վարչական մարմինը, ոչ թե դատարանը,
                - 24 ժամվա ժամկետը ժամանակ չի թողնում ո՛չ պնդումը ստուգելու, ո՛չ էլ որոշումը վիճարկելու համար,
                - առանձին հրապարակումների համար ամբողջ կայքի արգելափակումն անհամաչափ է, և Մարդու իրավունքների եվրոպական դատարանը բազմիցս արձանագրել է, որ նման արգելափակումը խախտում է արտահայտվելու ազատությունը,
                - համապատասխանության ծախսերը կընկնեն փոքր մարզային լրատվամիջոցների վրա, որոնք առանց այդ էլ դժվարությամբ են գոյատևում։

                Կոչ ենք անում Արդարադատության նախարարությանը հետ վերցնել նախագիծը և լրատվական կազմակերպությունների հետ միասին սկսել իրական քննարկում ինքնակարգավորման, մեդիագրագիտության և լրատվամիջոցների սեփականության թափանցիկության մասին, որոնք ապատեղեկատվությանն ավելի արդյունավետ պատասխաններ են։

                Մենք բաց ենք այդ քննարկման համար և քննարկման ժամկետում կներկայացնենք մեր մանրամասն դիտարկումները։
                """
            ),
        ),
        "ru": Text(
            title="Регистрация — не лицензия: отзовите проект поправок об онлайн-СМИ",
            summary=(
                "Члены Альянса свободной прессы просят Правительство отозвать проект поправок, "
                "который обязал бы онлайн-СМИ регистрироваться в государственном органе и позволил "
                "бы блокировать их сайты за «повторные нарушения»."
            ),
            body=md(
                """
                1 марта 2022 года Министерство юстиции вынесло на обсуждение проект поправок в Закон «О средствах массовой информации». Согласно ему, каждое онлайн-издание с аудиторией более 3000 читателей в день должно будет зарегистрироваться в государственном органе, назначить ответственного редактора, проживающего в Армении, и в течение 24 часов удалять любой материал, который этот орган сочтёт «ложной информацией». Сайты изданий, за которыми числятся «повторные нарушения», могут быть заблокированы.

                Мы, нижеподписавшиеся медиаорганизации и союзы журналистов, разделяем обеспокоенность дезинформацией. Она реальна, и наши члены ежедневно ей противостоят. Но проект отвечает на неё инструментами, которые угрожали бы независимой журналистике гораздо больше, чем дезинформации:

                - понятие «ложной информации» не определено, а решение будет принимать административный орган, а не суд;
                - 24-часовой срок не оставляет времени ни на проверку утверждения, ни на обжалование решения;
                - блокировка целого сайта из-за отдельных публикаций несоразмерна, и Европейский суд по правам человека неоднократно признавал такую блокировку нарушением свободы выражения мнений;
                - расходы на соблюдение требований лягут на небольшие региональные издания, которые и без того с трудом выживают.

                Мы призываем Министерство юстиции отозвать проект и вместе с медиаорганизациями начать настоящее обсуждение саморегулирования, медиаграмотности и прозрачности собственности СМИ — более действенных ответов на дезинформацию.

                Мы открыты к такому обсуждению и представим подробные замечания в срок, отведённый для консультаций.
                """
            ),
        ),
    },
)

DOMESTIC_VIOLENCE_2022 = StatementSpec(
    slug="domestic-violence-law-five-years-on-2022",
    status="published",
    published=at(2022, 11, 25, 9, 0),
    categories=("womens-rights", "human-rights"),
    publishers=("women-coalition",),
    signers=Signers(
        first=("women-legal-support", "safe-shelter", "syunik-women"),
        count=47,
        pool=(
            "members:women-coalition",
            "members:disability-coalition",
            "members:education-coalition",
            "vanadzor-rights",
            "fair-trial",
            "civic-law-centre",
            "equal-rights-forum",
        ),
        exclude=("teachers-union", "regional-it"),
    ),
    texts={
        "en": Text(
            title="Five years on, the domestic violence law must protect in practice",
            summary=(
                "On the International Day for the Elimination of Violence against Women, the Safe "
                "Home Coalition and its partners call for amendments that make protection orders "
                "effective, fund shelters in every region and end the pressure on victims to "
                "'reconcile'."
            ),
            body=md(
                """
                Five years ago, in December 2017, the National Assembly adopted the Law on the Prevention of Violence within the Family. It was an important step: for the first time, the law recognised domestic violence as a matter of public concern and gave the police the power to issue urgent intervention orders.

                The experience of our members, who accompany hundreds of women every year, shows that the law still does not protect in practice [1]:

                - urgent intervention orders are issued in only a small share of the cases reported to the police, and breaches of them are rarely punished;
                - the law still names "restoration of peace in the family" among its aims, and victims are too often pushed to reconcile with the person who hurt them;
                - psychological and economic violence are recognised on paper, but almost never lead to protective measures;
                - there are state-funded shelters in only two regions, so women from Syunik, Tavush or Vayots Dzor must leave their community, their work and their children's school to be safe.

                We, the undersigned organisations, call on the Government and the National Assembly:

                1. to remove the reconciliation principle from the law and from police and social-service guidelines;
                2. to make protection orders available on the basis of the victim's statement and a risk assessment, and to make breaching them a criminal offence;
                3. to fund at least one shelter or crisis centre in every region from 2023, in partnership with the organisations that already run them;
                4. to ratify the Council of Europe Convention on preventing and combating violence against women and domestic violence (the Istanbul Convention), which Armenia signed in 2018 [2].

                No woman should have to choose between her safety and her home.

                [1] Safe Home Coalition, Monitoring of police responses to domestic violence, 2021–2022, https://example.org/safe-home/monitoring-2022
                [2] Council of Europe Treaty Office, Convention no. 210: chart of signatures and ratifications, https://example.org/coe/treaty-210
                """
            ),
        ),
        "hy": Text(
            title="Հինգ տարի անց ընտանեկան բռնության մասին օրենքը պետք է պաշտպանի իրականում",
            summary=(
                "Կանանց նկատմամբ բռնության վերացման միջազգային օրը «Ապահով տուն» կոալիցիան և նրա "
                "գործընկերները կոչ են անում ընդունել փոփոխություններ, որոնք պաշտպանական "
                "որոշումները կդարձնեն արդյունավետ, յուրաքանչյուր մարզում կֆինանսավորեն "
                "ապաստարաններ և վերջ կդնեն տուժողների վրա «հաշտվելու» ճնշմանը։"
            ),
            body=md(
                """
                Հինգ տարի առաջ՝ 2017 թվականի դեկտեմբերին, Ազգային ժողովն ընդունեց ընտանիքում բռնության կանխարգելման մասին օրենքը։ Դա կարևոր քայլ էր. առաջին անգամ օրենքը ճանաչեց ընտանեկան բռնությունը որպես հանրային նշանակության խնդիր և ոստիկանությանը լիազորություն տվեց կայացնելու անհետաձգելի միջամտության որոշումներ։

                Մեր անդամների փորձը, որոնք ամեն տարի ուղեկցում են հարյուրավոր կանանց, ցույց է տալիս, որ օրենքը գործնականում դեռ չի պաշտպանում [1]՝

                - անհետաձգելի միջամտության որոշումները կայացվում են ոստիկանություն ներկայացված դեպքերի միայն փոքր մասով, իսկ դրանց խախտումները հազվադեպ են պատժվում,
                - օրենքը դեռ իր նպատակների թվում նշում է «ընտանիքում համերաշխության վերականգնումը», և տուժողներին չափազանց հաճախ մղում են հաշտվել իրենց վնաս պատճառած անձի հետ,
                - հոգեբանական և տնտեսական բռնությունը ճանաչված են թղթի վրա, բայց գրեթե երբեք չեն հանգեցնում պաշտպանական միջոցների,
                - պետության կողմից ֆինանսավորվող ապաստարաններ կան միայն երկու մարզում, և Սյունիքից, Տավուշից կամ Վայոց ձորից կանայք ստիպված են լքել իրենց համայնքը, աշխատանքը և երեխաների դպրոցը՝ ապահով լինելու համար։

                Մենք՝ ստորագրող կազմակերպություններս, կոչ ենք անում Կառավարությանը և Ազգային ժողովին՝

                1. օրենքից, ինչպես նաև ոստիկանության և սոցիալական ծառայությունների ուղեցույցներից հանել հաշտեցման սկզբունքը,
                2. պաշտպանական որոշումները հասանելի դարձնել տուժողի հայտարարության և ռիսկի գնահատման հիման վրա, իսկ դրանց խախտումը դարձնել քրեորեն պատժելի,
                3. 2023 թվականից յուրաքանչյուր մարզում ֆինանսավորել առնվազն մեկ ապաստարան կամ ճգնաժամային կենտրոն՝ համագործակցելով այն կազմակերպությունների հետ, որոնք արդեն դրանք վարում են,
                4. վավերացնել Կանանց նկատմամբ բռնության և ընտանեկան բռնության կանխարգելման և դրա դեմ պայքարի մասին Եվրոպայի խորհրդի կոնվենցիան (Ստամբուլյան կոնվենցիա), որը Հայաստանը ստորագրել է 2018 թվականին [2]։

                Ոչ մի կին չպետք է ստիպված լինի ընտրություն կատարել իր անվտանգության և իր տան միջև։

                [1] «Ապահով տուն» կոալիցիա, Ընտանեկան բռնության դեպքերում ոստիկանության արձագանքի մոնիտորինգ, 2021–2022, https://example.org/safe-home/monitoring-2022
                [2] Եվրոպայի խորհրդի պայմանագրերի գրասենյակ, թիվ 210 կոնվենցիա. ստորագրումների և վավերացումների աղյուսակ, https://example.org/coe/treaty-210
                """
            ),
        ),
        "ru": Text(
            title="Пять лет спустя закон о домашнем насилии должен защищать на деле",
            summary=(
                "В Международный день борьбы за ликвидацию насилия в отношении женщин коалиция "
                "«Безопасный дом» и её партнёры призывают принять поправки, которые сделают "
                "охранные предписания действенными, обеспечат убежища в каждой области и положат "
                "конец давлению на пострадавших с целью «примирения»."
            ),
            body=md(
                """
                Пять лет назад, в декабре 2017 года, Национальное Собрание приняло Закон о предотвращении насилия в семье. Это был важный шаг: впервые закон признал домашнее насилие проблемой общественной значимости и дал полиции право выносить предписания о неотложном вмешательстве.

                Опыт наших организаций, которые ежегодно сопровождают сотни женщин, показывает, что на практике закон всё ещё не защищает [1]:

                - предписания о неотложном вмешательстве выносятся лишь по небольшой доле случаев, о которых сообщается в полицию, а их нарушения редко наказываются;
                - закон по-прежнему называет среди своих целей «восстановление согласия в семье», и пострадавших слишком часто подталкивают к примирению с тем, кто причинил им вред;
                - психологическое и экономическое насилие признаны на бумаге, но почти никогда не ведут к защитным мерам;
                - финансируемые государством убежища есть лишь в двух областях, поэтому женщинам из Сюника, Тавуша или Вайоц Дзора ради безопасности приходится покидать свою общину, работу и школу своих детей.

                Мы, нижеподписавшиеся организации, призываем Правительство и Национальное Собрание:

                1. исключить принцип примирения из закона, а также из руководств полиции и социальных служб;
                2. выносить охранные предписания на основании заявления пострадавшей и оценки рисков, а их нарушение сделать уголовно наказуемым;
                3. начиная с 2023 года финансировать как минимум одно убежище или кризисный центр в каждой области — в партнёрстве с организациями, которые уже их содержат;
                4. ратифицировать Конвенцию Совета Европы о предотвращении и пресечении насилия в отношении женщин и домашнего насилия (Стамбульскую конвенцию), которую Армения подписала в 2018 году [2].

                Ни одна женщина не должна выбирать между своей безопасностью и своим домом.

                [1] Коалиция «Безопасный дом», Мониторинг реагирования полиции на домашнее насилие, 2021–2022, https://example.org/safe-home/monitoring-2022
                [2] Бюро договоров Совета Европы, Конвенция № 210: таблица подписаний и ратификаций, https://example.org/coe/treaty-210
                """
            ),
        ),
    },
)

COMMUNITIES_2023 = StatementSpec(
    slug="community-consolidation-must-not-silence-residents-2023",
    status="published",
    published=at(2023, 5, 12, 12, 0),
    original_language="hy",
    categories=("local-self-government", "democracy"),
    publishers=("local-democracy-coalition",),
    signers=Signers(
        first=("civic-education-vanadzor", "community-participation", "goris-civic-forum"),
        count=22,
        pool=("members:local-democracy-coalition",),
    ),
    texts={
        "hy": Text(
            title="Համայնքների խոշորացումը չպետք է լռեցնի բնակիչներին",
            summary=(
                "Տեղական ժողովրդավարության և ապակենտրոնացման կոալիցիան առաջարկում է խոշորացված "
                "համայնքներում պահպանել բնակավայրերի ձայնը՝ վարչական ղեկավարների ընտրության, "
                "տեղական բյուջեի մասնաբաժնի և պարտադիր հանրային լսումների միջոցով։"
            ),
            adoption_note="Ընդունվել է կոալիցիայի ընդհանուր ժողովում՝ Վանաձորում, 2023 թվականի մայիսի 6-ին։",
            body=md(
                """
                Համայնքների խոշորացման գործընթացը, որը մեկնարկել է 2016 թվականին, ավարտին է մոտենում։ Հարյուրավոր գյուղեր այսօր միավորված են խոշորացված համայնքներում, որոնց կենտրոնները երբեմն գտնվում են տասնյակ կիլոմետր հեռավորության վրա։ Մենք ընդունում ենք, որ խոշորացումը կարող է ամրապնդել համայնքների կարողությունները և բարելավել ծառայությունները։ Սակայն մեր անդամների՝ վերջին երկու տարում 40 բնակավայրում անցկացրած հանդիպումները ցույց են տալիս, որ շատ գյուղերում մարդիկ զգում են, որ այլևս լսելի չեն։

                Բնակավայրերի վարչական ղեկավարները նշանակվում են համայնքի ղեկավարի կողմից և հաշվետու են նրան, ոչ թե բնակիչներին։ Գյուղերը չունեն սեփական բյուջե, և ճանապարհի, ջրագծի կամ մանկապարտեզի նորոգման յուրաքանչյուր որոշում կայացվում է կենտրոնում։ Հանրային լսումներն անցկացվում են համայնքի կենտրոնում, որտեղ հեռավոր գյուղերի բնակիչները հաճախ չեն կարողանում հասնել։

                Ուստի առաջարկում ենք «Տեղական ինքնակառավարման մասին» օրենքում կատարել հետևյալ փոփոխությունները՝

                - բնակավայրերի վարչական ղեկավարներին ընտրել բնակիչների կողմից կամ, առնվազն, նշանակել բնակավայրի ժողովի համաձայնությամբ,
                - համայնքի բյուջեի որոշակի մասնաբաժին, օրինակ՝ կապիտալ ծախսերի 10 տոկոսը, հատկացնել բնակավայրերին՝ բնակիչների ընտրած ծրագրերի համար,
                - բյուջեի, գլխավոր հատակագծի և հողօգտագործման վերաբերյալ հանրային լսումները պարտադիր անցկացնել այն բնակավայրերում, որոնց դրանք վերաբերում են։

                Ժողովրդավարությունը սկսվում է այնտեղ, որտեղ մարդիկ ապրում են։ Պատրաստ ենք մեր փորձը կիսել Տարածքային կառավարման և ենթակառուցվածքների նախարարության և Ազգային ժողովի հետ։
                """
            ),
        ),
        "en": Text(
            title="Community consolidation must not silence residents",
            summary=(
                "The Coalition for Local Democracy and Decentralisation proposes to keep the voice "
                "of settlements in enlarged communities through elected administrative heads, a "
                "share of the local budget and compulsory public hearings."
            ),
            adoption_note="Adopted by the general assembly of the Coalition in Vanadzor on 6 May 2023.",
            body=md(
                """
                The consolidation of communities that began in 2016 is nearing its end. Hundreds of villages are now part of enlarged communities whose centres are sometimes tens of kilometres away. We accept that consolidation can strengthen communities' capacities and improve services. But the meetings our members held in 40 settlements over the past two years show that in many villages people feel they are no longer heard.

                The administrative heads of settlements are appointed by the community head and answer to him or her, not to residents. Villages have no budget of their own, and every decision to repair a road, a water pipe or a kindergarten is taken in the centre. Public hearings are held in the community centre, which residents of remote villages often cannot reach.

                We therefore propose the following amendments to the Law on Local Self-Government:

                - administrative heads of settlements should be elected by residents or, at the least, appointed with the consent of a settlement assembly;
                - a set share of the community budget, for example 10 per cent of capital spending, should be allocated to settlements for projects chosen by their residents;
                - public hearings on the budget, the master plan and land use should be held in the settlements they concern.

                Democracy starts where people live. We are ready to share our experience with the Ministry of Territorial Administration and Infrastructure and with the National Assembly.
                """
            ),
        ),
    },
)

HOUSING_2023 = StatementSpec(
    slug="durable-housing-plan-for-displaced-families-2023",
    status="published",
    published=at(2023, 10, 20, 11, 0),
    categories=("human-rights", "peace-and-security"),
    publishers=("humanitarian-network", "civic-dialogue"),
    events=(date(2023, 9, 19), date(2023, 9, 30)),
    signers=Signers(
        first=("displaced-homes", "shared-table", "mothers-artsakh", "civic-law-centre"),
        count=150,
        pool=("members:civic-dialogue", "members:humanitarian-network"),
        exclude=("open-horizons", "argo-consulting", "sevan-solar", "ijevan-tv"),
    ),
    texts={
        "en": Text(
            title="From emergency shelter to a home: a durable housing plan for displaced families",
            summary=(
                "A month after more than 100,000 people arrived from Nagorno-Karabakh, 150 "
                "organisations ask the Government for a housing plan that goes beyond temporary "
                "shelter, with lasting rent support, priority for the most vulnerable and the "
                "families themselves involved in decisions."
            ),
            body=md(
                """
                Between 24 and 30 September 2023, more than 100,000 people, almost the entire population of Nagorno-Karabakh, crossed into Armenia. Communities across the country opened their homes, schools and hotels; our member organisations have been at the border, in reception centres and in the regions since the first day.

                The emergency response has saved lives. Now the question is where these families will live next winter and the one after. Many are staying in hotels and holiday camps that will close, in summer houses without heating, or with relatives in overcrowded flats. The monthly support of 50,000 drams per person, welcome as it is, does not cover rent in Yerevan, where prices have risen sharply since September.

                We, the undersigned organisations, call on the Government to adopt, within three months and after consulting the displaced families, a housing plan that:

                - extends rent and utility support for at least two years and adjusts it to local rents;
                - gives priority to older people living alone, persons with disabilities, large families and households headed by women;
                - uses empty public buildings and unfinished housing stock for affordable rental housing, with decent standards of heating and accessibility;
                - supports families who choose to settle in the regions with housing, work and school places, without making support conditional on where they settle;
                - sets up a single, accessible point for information and complaints, and publishes data on how the support is spent.

                Displaced people are not only recipients of aid. They are teachers, doctors, farmers and builders who want to rebuild their lives. They must have a say in the decisions that will shape those lives.
                """
            ),
        ),
        "hy": Text(
            title="Ժամանակավոր կացարանից՝ տուն. երկարաժամկետ բնակարանային ծրագիր տեղահանված ընտանիքների համար",
            summary=(
                "Լեռնային Ղարաբաղից ավելի քան 100 000 մարդու ժամանումից մեկ ամիս անց 150 "
                "կազմակերպություն Կառավարությունից պահանջում է բնակարանային ծրագիր, որը դուրս կգա "
                "ժամանակավոր կացարանի սահմաններից՝ վարձավճարի երկարատև աջակցությամբ, առավել "
                "խոցելիների առաջնահերթությամբ և որոշումներում հենց ընտանիքների մասնակցությամբ։"
            ),
            body=md(
                """
                2023 թվականի սեպտեմբերի 24-ից 30-ն ընկած ժամանակահատվածում ավելի քան 100 000 մարդ՝ Լեռնային Ղարաբաղի գրեթե ողջ բնակչությունը, անցավ Հայաստան։ Ամբողջ երկրում համայնքները բացեցին իրենց տները, դպրոցները և հյուրանոցները. մեր անդամ կազմակերպություններն առաջին իսկ օրվանից աշխատում են սահմանին, ընդունման կենտրոններում և մարզերում։

                Արտակարգ արձագանքը փրկել է կյանքեր։ Այժմ հարցն այն է, թե որտեղ են այս ընտանիքներն ապրելու հաջորդ ձմռանը և դրանից հետո։ Շատերն ապրում են հյուրանոցներում և հանգստյան ճամբարներում, որոնք փակվելու են, չջեռուցվող ամառանոցներում կամ հարազատների մոտ՝ գերբնակեցված բնակարաններում։ Մեկ անձի համար ամսական 50 000 դրամ աջակցությունը, որքան էլ ողջունելի է, չի ծածկում վարձավճարը Երևանում, որտեղ գները սեպտեմբերից ի վեր կտրուկ աճել են։

                Մենք՝ ստորագրող կազմակերպություններս, կոչ ենք անում Կառավարությանը երեք ամսվա ընթացքում և տեղահանված ընտանիքների հետ խորհրդակցելուց հետո ընդունել բնակարանային ծրագիր, որը՝

                - առնվազն երկու տարով կերկարաձգի վարձավճարի և կոմունալ ծախսերի աջակցությունը և այն կհամապատասխանեցնի տեղական վարձավճարներին,
                - առաջնահերթություն կտա միայնակ տարեցներին, հաշմանդամություն ունեցող անձանց, բազմազավակ ընտանիքներին և կանանց գլխավորած տնային տնտեսություններին,
                - դատարկ պետական շենքերը և անավարտ բնակֆոնդը կօգտագործի մատչելի վարձով բնակարանների համար՝ ջեռուցման և մատչելիության արժանապատիվ չափանիշներով,
                - կաջակցի մարզերում հաստատվել ցանկացող ընտանիքներին՝ բնակարանով, աշխատանքով և դպրոցում տեղով, առանց աջակցությունը պայմանավորելու բնակության վայրով,
                - կստեղծի տեղեկատվության և բողոքների մեկ մատչելի կետ և կհրապարակի աջակցության ծախսման տվյալները։

                Տեղահանված մարդիկ միայն օգնություն ստացողներ չեն։ Նրանք ուսուցիչներ, բժիշկներ, ֆերմերներ և շինարարներ են, ովքեր ցանկանում են վերակառուցել իրենց կյանքը։ Նրանք պետք է ձայն ունենան այն որոշումներում, որոնք ձևավորելու են այդ կյանքը։
                """
            ),
        ),
        "ru": Text(
            title="От временного приюта к дому: долгосрочный жилищный план для перемещённых семей",
            summary=(
                "Через месяц после прибытия более 100 000 человек из Нагорного Карабаха 150 "
                "организаций просят Правительство принять жилищный план, выходящий за рамки "
                "временного размещения: с длительной поддержкой аренды, приоритетом для наиболее "
                "уязвимых и участием самих семей в принятии решений."
            ),
            body=md(
                """
                С 24 по 30 сентября 2023 года более 100 000 человек — почти всё население Нагорного Карабаха — пересекли границу Армении. По всей стране общины открыли свои дома, школы и гостиницы; наши организации-члены с первого дня работают на границе, в пунктах приёма и в регионах.

                Экстренное реагирование спасло жизни. Теперь вопрос в том, где эти семьи будут жить следующей зимой и после неё. Многие живут в гостиницах и лагерях отдыха, которые закроются, в неотапливаемых дачных домиках или у родственников в перенаселённых квартирах. Ежемесячная помощь в размере 50 000 драмов на человека, при всей её важности, не покрывает аренду в Ереване, где цены с сентября резко выросли.

                Мы, нижеподписавшиеся организации, призываем Правительство в течение трёх месяцев, после консультаций с перемещёнными семьями, принять жилищный план, который:

                - продлит поддержку в оплате аренды и коммунальных услуг как минимум на два года и привяжет её к местным ценам на аренду;
                - отдаст приоритет одиноким пожилым людям, людям с инвалидностью, многодетным семьям и домохозяйствам, которые возглавляют женщины;
                - использует пустующие государственные здания и недостроенный жилой фонд для доступного арендного жилья с достойными стандартами отопления и доступности;
                - поддержит семьи, решившие обосноваться в регионах, жильём, работой и местами в школах, не обусловливая помощь местом проживания;
                - создаст единый доступный пункт информации и приёма жалоб и будет публиковать данные о расходовании помощи.

                Перемещённые люди — не только получатели помощи. Это учителя, врачи, фермеры и строители, которые хотят заново построить свою жизнь. У них должен быть голос в решениях, которые эту жизнь определят.
                """
            ),
        ),
    },
)

STATEMENTS = [
    LOCAL_ELECTIONS_2021,
    SYUNIK_MINING_2021,
    ONLINE_MEDIA_2022,
    DOMESTIC_VIOLENCE_2022,
    COMMUNITIES_2023,
    HOUSING_2023,
]
