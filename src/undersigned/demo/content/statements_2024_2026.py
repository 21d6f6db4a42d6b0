# ruff: noqa: E501 -- statement prose: one paragraph a line, as editors write Markdown.
"""Demo statements of 2024–2026, with the one open for signature now and a draft."""

from datetime import date, timedelta

from undersigned.demo.content.spec import Signers, StatementSpec, Text, at, md

VANADZOR_PARK_2024 = StatementSpec(
    slug="vanadzor-riverside-park-plot-auction-2024",
    status="withdrawn",
    published=at(2024, 3, 20, 16, 0),
    categories=("local-self-government", "environment"),
    publishers=("vanadzor-citizens",),
    events=(date(2024, 3, 14), None),
    signers=Signers(
        first=("vanadzor-citizens", "lori-youth", "civic-education-vanadzor"),
        count=12,
        pool=("city:Vanadzor", "city:Alaverdi", "city:Stepanavan", "city:Spitak"),
        exclude=("local-democracy-coalition",),
    ),
    texts={
        "en": Text(
            title="The Vanadzor council must not sell the Riverside Park plot without a hearing",
            summary=(
                "Vanadzor organisations object to the council's decision of 14 March 2024 to put a "
                "plot of Riverside Park up for auction without a public hearing. Withdrawn on "
                "2 April 2024 after the council annulled its decision."
            ),
            body=md(
                """
                At its session of 14 March 2024, the Council of Elders of Vanadzor decided to put up for auction a plot of 0.6 hectares on the eastern edge of Riverside Park, reclassified as land for commercial construction. The item was added to the agenda on the day of the session and adopted without the public hearing that the law requires before the use of public green space is changed.

                The park is one of the few green spaces left in the centre of the city. Residents, schools and the city's older people use it every day.

                We, the undersigned organisations of Vanadzor and Lori, ask the Council of Elders:

                - to annul the decision of 14 March 2024;
                - to hold a public hearing before any change in the use of the park's land;
                - to publish the draft decisions of its sessions at least seven days in advance, as its own rules of procedure require.

                **Note of 2 April 2024.** On 29 March 2024 the Council of Elders annulled its decision and announced a public hearing on the future of the park. The signatories have therefore withdrawn this statement, which is kept here for the record.
                """
            ),
        ),
        "hy": Text(
            title="Վանաձորի ավագանին չպետք է վաճառի Գետափնյա զբոսայգու հողամասն առանց լսումների",
            summary=(
                "Վանաձորի կազմակերպություններն առարկում են ավագանու՝ 2024 թվականի մարտի 14-ի "
                "որոշման դեմ, որով Գետափնյա զբոսայգու հողամասն առանց հանրային լսումների հանվում "
                "է աճուրդի։ Հետ է կանչվել 2024 թվականի ապրիլի 2-ին՝ ավագանու կողմից որոշումը "
                "չեղարկելուց հետո։"
            ),
            body=md(
                """
                2024 թվականի մարտի 14-ի նիստում Վանաձորի ավագանին որոշեց աճուրդի հանել Գետափնյա զբոսայգու արևելյան եզրին գտնվող 0,6 հեկտար հողամաս՝ այն վերադասակարգելով որպես առևտրային կառուցապատման հող։ Հարցը օրակարգ էր ներառվել նիստի օրը և ընդունվել առանց հանրային լսումների, որոնք օրենքը պահանջում է հանրային կանաչ տարածքների նշանակությունը փոխելուց առաջ։

                Զբոսայգին քաղաքի կենտրոնում մնացած սակավաթիվ կանաչ տարածքներից է։ Բնակիչները, դպրոցները և քաղաքի տարեցներն այն օգտագործում են ամեն օր։

                Մենք՝ Վանաձորի և Լոռու ստորագրող կազմակերպություններս, խնդրում ենք ավագանուն՝

                - չեղարկել 2024 թվականի մարտի 14-ի որոշումը,
                - զբոսայգու հողերի նշանակության ցանկացած փոփոխությունից առաջ անցկացնել հանրային լսումներ,
                - իր նիստերի որոշումների նախագծերը հրապարակել առնվազն յոթ օր առաջ, ինչպես պահանջում է իր իսկ աշխատակարգը։

                **Ծանուցում՝ 2024 թվականի ապրիլի 2։** 2024 թվականի մարտի 29-ին Վանաձորի ավագանին չեղարկեց իր որոշումը և հայտարարեց զբոսայգու ապագայի վերաբերյալ հանրային լսումներ։ Ուստի ստորագրողները հետ են կանչել այս հայտարարությունը, որը պահպանվում է այստեղ՝ արխիվի համար։
                """
            ),
        ),
    },
)

OWNERSHIP_2024 = StatementSpec(
    slug="beneficial-ownership-public-procurement-2024",
    status="published",
    published=at(2024, 9, 30, 12, 0),
    categories=("democracy",),
    publishers=("civic-dialogue",),
    events=(date(2024, 9, 10), None),
    signers=Signers(
        first=("anticorruption-coalition", "procurement-monitor", "transparent-numbers"),
        count=26,
        pool=(
            "board:civic-dialogue",
            "members:anticorruption-coalition",
            "members:media-coalition",
        ),
        exclude=("ijevan-tv",),
    ),
    texts={
        "en": Text(
            title="Keep beneficial ownership data open in public procurement",
            summary=(
                "The Governing Board of the Civic Dialogue Network opposes the proposal to restrict "
                "public access to the beneficial owners of companies bidding for public contracts, "
                "and asks for the register to be improved rather than closed."
            ),
            adoption_note="Adopted by the Governing Board at its meeting of 27–28 September 2024.",
            body=md(
                """
                Since 2022, companies bidding for public contracts in Armenia have had to declare their beneficial owners, the people who ultimately own or control them, and these declarations have been open to everyone. Journalists and watchdog organisations have used them to reveal conflicts of interest, companies linked to officials, and the same owners bidding against themselves under different names [1].

                The draft amendments to the Law on Procurement published on 10 September 2024 would restrict access to this information to state bodies and to persons able to show a "legitimate interest". The draft refers to the judgment of the Court of Justice of the European Union of November 2022 on privacy [2]. But that judgment concerned general company registers, not public procurement, where the public has a direct interest in knowing who receives public money.

                The Governing Board of the Civic Dialogue Network of Armenian CSOs calls on the Ministry of Finance and the National Assembly:

                - to keep the beneficial owners of bidders and contractors open to the public, free of charge and in a machine-readable format;
                - to improve the quality of the data, by verifying declarations and sanctioning false ones, instead of limiting who can read them;
                - to protect the privacy of owners who face a real risk through a narrow exception granted case by case;
                - to consult civil society and the media before the draft is submitted to the Government.

                Openness about who receives public money is not an intrusion into private life. It is the condition of trust in how that money is spent.

                [1] Procurement Monitoring Centre, Who wins the tenders? Beneficial owners of contractors, 2023, https://example.org/pmc/who-wins-2023
                [2] Court of Justice of the European Union, joined cases C-37/20 and C-601/20, 22 November 2022, https://example.org/curia/c-37-20
                """
            ),
        ),
        "hy": Text(
            title="Պահպանե՛ք իրական սեփականատերերի տվյալների բաց լինելը պետական գնումներում",
            summary=(
                "«Քաղաքացիական երկխոսություն» ցանցի Կառավարման խորհուրդը դեմ է պետական գնումների "
                "մրցույթներին մասնակցող ընկերությունների իրական սեփականատերերի մասին տեղեկությունների "
                "հանրային հասանելիությունը սահմանափակելու առաջարկին և խնդրում է բարելավել "
                "ռեգիստրը, ոչ թե փակել այն։"
            ),
            adoption_note="Ընդունվել է Կառավարման խորհրդի՝ 2024 թվականի սեպտեմբերի 27–28-ին կայացած նիստում։",
            body=md(
                """
                2022 թվականից ի վեր Հայաստանում պետական գնումների մրցույթներին մասնակցող ընկերությունները պարտավոր են հայտարարագրել իրենց իրական սեփականատերերին՝ այն անձանց, ովքեր վերջնականապես տիրապետում կամ վերահսկում են դրանք, և այդ հայտարարագրերը բաց են բոլորի համար։ Լրագրողներն ու վերահսկող կազմակերպություններն օգտագործել են դրանք՝ բացահայտելու շահերի բախումներ, պաշտոնատար անձանց հետ կապված ընկերություններ և դեպքեր, երբ նույն սեփականատերերը տարբեր անուններով մրցում են իրենք իրենց դեմ [1]։

                2024 թվականի սեպտեմբերի 10-ին հրապարակված «Գնումների մասին» օրենքում փոփոխությունների նախագիծը կսահմանափակի այդ տեղեկությունների հասանելիությունը՝ դրանք տրամադրելով միայն պետական մարմիններին և «օրինական շահ» ապացուցող անձանց։ Նախագիծը հղում է կատարում Եվրոպական միության արդարադատության դատարանի՝ մասնավոր կյանքի վերաբերյալ 2022 թվականի նոյեմբերի վճռին [2]։ Սակայն այդ վճիռը վերաբերում էր ընկերությունների ընդհանուր ռեգիստրներին, ոչ թե պետական գնումներին, որտեղ հանրությունն անմիջական շահ ունի իմանալու, թե ով է ստանում հանրային միջոցները։

                Հայաստանի քաղաքացիական հասարակության կազմակերպությունների «Քաղաքացիական երկխոսություն» ցանցի Կառավարման խորհուրդը կոչ է անում Ֆինանսների նախարարությանը և Ազգային ժողովին՝

                - մրցույթների մասնակիցների և կապալառուների իրական սեփականատերերի տվյալները պահել հանրության համար բաց, անվճար և մեքենայաընթեռնելի ձևաչափով,
                - բարելավել տվյալների որակը՝ ստուգելով հայտարարագրերը և պատժելով կեղծ հայտարարագրումը, փոխանակ սահմանափակելու, թե ով կարող է դրանք կարդալ,
                - իրական վտանգի առջև կանգնած սեփականատերերի մասնավոր կյանքը պաշտպանել նեղ բացառության միջոցով, որը տրվում է յուրաքանչյուր դեպքում առանձին,
                - նախքան նախագիծը Կառավարություն ներկայացնելը խորհրդակցել քաղաքացիական հասարակության և լրատվամիջոցների հետ։

                Բաց լինելն այն հարցում, թե ով է ստանում հանրային միջոցները, միջամտություն չէ մասնավոր կյանքին։ Դա այդ միջոցների ծախսման նկատմամբ վստահության պայմանն է։

                [1] Գնումների մոնիտորինգի կենտրոն, Ո՞վ է հաղթում մրցույթներում. կապալառուների իրական սեփականատերերը, 2023, https://example.org/pmc/who-wins-2023
                [2] Եվրոպական միության արդարադատության դատարան, միացյալ գործեր C-37/20 և C-601/20, 2022 թվականի նոյեմբերի 22, https://example.org/curia/c-37-20
                """
            ),
        ),
        "ru": Text(
            title="Сохраните открытость данных о бенефициарных владельцах в государственных закупках",
            summary=(
                "Руководящий совет Сети гражданского диалога выступает против предложения "
                "ограничить публичный доступ к сведениям о бенефициарных владельцах компаний, "
                "участвующих в государственных закупках, и призывает улучшить реестр, а не "
                "закрывать его."
            ),
            adoption_note="Принято Руководящим советом на заседании 27–28 сентября 2024 года.",
            body=md(
                """
                С 2022 года компании, участвующие в государственных закупках в Армении, обязаны декларировать своих бенефициарных владельцев — людей, которые в конечном счёте владеют ими или контролируют их, — и эти декларации открыты для всех. Журналисты и наблюдательные организации использовали их, чтобы выявлять конфликты интересов, компании, связанные с должностными лицами, и случаи, когда одни и те же владельцы под разными названиями конкурируют сами с собой [1].

                Проект поправок в Закон «О закупках», опубликованный 10 сентября 2024 года, ограничил бы доступ к этой информации государственными органами и лицами, способными доказать «законный интерес». Проект ссылается на решение Суда Европейского союза от ноября 2022 года о защите частной жизни [2]. Однако это решение касалось общих реестров компаний, а не государственных закупок, где у общества есть прямой интерес знать, кто получает государственные средства.

                Руководящий совет Сети гражданского диалога организаций гражданского общества Армении призывает Министерство финансов и Национальное Собрание:

                - сохранить открытый, бесплатный и машиночитаемый доступ к сведениям о бенефициарных владельцах участников закупок и подрядчиков;
                - улучшать качество данных — проверять декларации и наказывать за ложные сведения, — а не ограничивать круг тех, кто может их читать;
                - защищать частную жизнь владельцев, которым грозит реальная опасность, с помощью узкого исключения, предоставляемого в каждом случае отдельно;
                - провести консультации с гражданским обществом и СМИ до внесения проекта в Правительство.

                Открытость в том, кто получает государственные деньги, — не вторжение в частную жизнь. Это условие доверия к тому, как эти деньги тратятся.

                [1] Центр мониторинга закупок, Кто выигрывает тендеры? Бенефициарные владельцы подрядчиков, 2023, https://example.org/pmc/who-wins-2023
                [2] Суд Европейского союза, объединённые дела C-37/20 и C-601/20, 22 ноября 2022 года, https://example.org/curia/c-37-20
                """
            ),
        ),
    },
)

CURRICULUM_2025 = StatementSpec(
    slug="new-school-curriculum-teachers-and-parents-2025",
    status="published",
    published=at(2025, 2, 14, 10, 0),
    categories=("human-rights", "democracy"),
    publishers=("education-coalition",),
    signers=Signers(
        first=("education-policy-centre", "parents-for-schools", "teachers-union"),
        count=11,
        pool=("members:education-coalition",),
    ),
    texts={
        "en": Text(
            title="The new school curriculum needs teachers and parents at the table",
            summary=(
                "The Quality Education Partnership asks the Ministry of Education to extend the "
                "consultation on the new general-education standards, publish the evaluation of "
                "the pilot and involve teachers' and parents' organisations in the working groups."
            ),
            body=md(
                """
                The Ministry of Education, Science, Culture and Sport has announced that the new general-education standards and subject curricula will be introduced in all schools from September 2025. We support the aims of the reform: fewer facts to memorise, more understanding, and teaching that prepares children for a changing world.

                But a reform of this scale succeeds or fails in the classroom. Teachers in the pilot schools of Tavush, Syunik and Shirak have told our members that they received the new textbooks weeks after the start of the school year, that their training was too short, and that the evaluation of the pilot has not been shared with them. Parents have had almost no information.

                We therefore ask the Ministry:

                - to extend the public consultation on the standards by at least two months and to publish the comments received, with its answers;
                - to publish the evaluation of the pilot years, including pupils' results and teachers' views;
                - to include representatives of teachers' unions, parents' councils and organisations of persons with disabilities in the working group on each subject;
                - to plan teacher training, the delivery of textbooks and the adaptation of materials for children with special educational needs before the introduction, not after it.

                We are ready to help organise consultations in the regions, where schools are smallest and where the reform will be hardest to implement.
                """
            ),
        ),
    },
)

MISSING_2025 = StatementSpec(
    slug="peace-must-answer-families-of-the-missing-2025",
    status="published",
    published=at(2025, 6, 19, 11, 0),
    categories=("peace-and-security", "human-rights"),
    publishers=("civic-dialogue", "families-missing"),
    signers=Signers(
        first=("families-missing", "homecoming", "civic-law-centre"),
        count=84,
        pool=("members:civic-dialogue", "members:humanitarian-network"),
        exclude=("open-horizons", "argo-consulting", "sevan-solar", "ijevan-tv"),
    ),
    texts={
        "en": Text(
            title="Peace must also answer the families of the missing",
            summary=(
                "As the peace process advances, 84 organisations ask the governments of Armenia and "
                "Azerbaijan to make the fate of missing persons, the release of detainees and "
                "humanitarian access part of any agreement."
            ),
            body=md(
                """
                Negotiations on a peace agreement between Armenia and Azerbaijan have moved forward in recent months. We welcome every step that makes a new war less likely. A lasting peace, however, cannot leave behind the people for whom the war has not ended.

                More than a thousand families in Armenia still do not know what happened to a relative who went missing in the wars of the 1990s, of 2020 or of 2023 [1]. Armenians, among them former officials of Nagorno-Karabakh, remain in detention in Baku, and their families receive limited and irregular news of them. The homes, cemeteries and churches left behind by the people displaced in 2023 are out of their reach.

                We, the undersigned organisations, ask the governments of Armenia and Azerbaijan, and those who support the peace process:

                - to include in any agreement a joint mechanism on missing persons, with access to burial sites and archives, working with the International Committee of the Red Cross;
                - to release all persons detained in connection with the conflict, and in the meantime to guarantee them fair trials, regular visits and contact with their families;
                - to allow independent monitoring of the condition of cultural and religious heritage in Nagorno-Karabakh;
                - to consult the families of the missing and the detained, and organisations of displaced people, on the parts of the agreement that concern them.

                Peace is made between states, but it is lived by people. Families who have waited for years deserve answers, not silence.

                [1] Families of the Missing, Register of missing persons: summary figures, 2025, https://example.org/families-missing/register-2025
                """
            ),
        ),
        "hy": Text(
            title="Խաղաղությունը պետք է պատասխան տա նաև անհայտ կորածների ընտանիքներին",
            summary=(
                "Խաղաղության գործընթացի առաջընթացի պայմաններում 84 կազմակերպություն խնդրում է "
                "Հայաստանի և Ադրբեջանի կառավարություններին անհայտ կորածների ճակատագիրը, պահվող "
                "անձանց ազատ արձակումը և մարդասիրական մուտքը դարձնել ցանկացած համաձայնագրի մաս։"
            ),
            body=md(
                """
                Վերջին ամիսներին Հայաստանի և Ադրբեջանի միջև խաղաղության պայմանագրի շուրջ բանակցություններն առաջ են գնացել։ Ողջունում ենք յուրաքանչյուր քայլ, որը նոր պատերազմն ավելի քիչ հավանական է դարձնում։ Սակայն տևական խաղաղությունը չի կարող մոռացության մատնել այն մարդկանց, որոնց համար պատերազմը չի ավարտվել։

                Հայաստանում հազարից ավելի ընտանիք դեռ չգիտի, թե ինչ է պատահել 1990-ականների, 2020 կամ 2023 թվականների պատերազմներում անհայտ կորած իրենց հարազատին [1]։ Հայեր, այդ թվում՝ Լեռնային Ղարաբաղի նախկին պաշտոնյաներ, շարունակում են պահվել Բաքվում, և նրանց ընտանիքները նրանց մասին սահմանափակ ու անկանոն լուրեր են ստանում։ 2023 թվականին տեղահանված մարդկանց թողած տները, գերեզմանոցները և եկեղեցիները նրանց համար անհասանելի են։

                Մենք՝ ստորագրող կազմակերպություններս, խնդրում ենք Հայաստանի և Ադրբեջանի կառավարություններին, ինչպես նաև խաղաղության գործընթացին աջակցողներին՝

                - ցանկացած համաձայնագրում ներառել անհայտ կորածների հարցով համատեղ մեխանիզմ՝ թաղման վայրեր և արխիվներ մուտքով, Կարմիր խաչի միջազգային կոմիտեի հետ համագործակցությամբ,
                - ազատ արձակել հակամարտության հետ կապված պահվող բոլոր անձանց, իսկ մինչ այդ երաշխավորել նրանց արդար դատաքննություն, պարբերական այցելություններ և կապ ընտանիքների հետ,
                - թույլ տալ անկախ մոնիտորինգ Լեռնային Ղարաբաղի մշակութային և կրոնական ժառանգության վիճակի նկատմամբ,
                - համաձայնագրի իրենց վերաբերող մասերի շուրջ խորհրդակցել անհայտ կորածների և պահվողների ընտանիքների, ինչպես նաև տեղահանված մարդկանց կազմակերպությունների հետ։

                Խաղաղությունը կնքվում է պետությունների միջև, բայց այն ապրում են մարդիկ։ Տարիներ շարունակ սպասող ընտանիքներն արժանի են պատասխանների, ոչ թե լռության։

                [1] «Անհայտ կորածների ընտանիքներ» ՀԿ, Անհայտ կորածների ռեգիստր. ամփոփ թվեր, 2025, https://example.org/families-missing/register-2025
                """
            ),
        ),
        "ru": Text(
            title="Мир должен дать ответ и семьям пропавших без вести",
            summary=(
                "На фоне продвижения мирного процесса 84 организации просят правительства Армении "
                "и Азербайджана сделать судьбу пропавших без вести, освобождение удерживаемых лиц и "
                "гуманитарный доступ частью любого соглашения."
            ),
            body=md(
                """
                В последние месяцы переговоры о мирном договоре между Арменией и Азербайджаном продвинулись вперёд. Мы приветствуем каждый шаг, который делает новую войну менее вероятной. Однако прочный мир не может оставить в стороне людей, для которых война не закончилась.

                Более тысячи семей в Армении до сих пор не знают, что случилось с их близкими, пропавшими без вести в войнах 1990-х годов, 2020 или 2023 года [1]. Армяне, в том числе бывшие должностные лица Нагорного Карабаха, по-прежнему содержатся под стражей в Баку, а их семьи получают о них скудные и нерегулярные известия. Дома, кладбища и церкви, оставленные людьми, перемещёнными в 2023 году, для них недоступны.

                Мы, нижеподписавшиеся организации, просим правительства Армении и Азербайджана, а также тех, кто поддерживает мирный процесс:

                - включить в любое соглашение совместный механизм по пропавшим без вести с доступом к местам захоронений и архивам, в сотрудничестве с Международным комитетом Красного Креста;
                - освободить всех лиц, удерживаемых в связи с конфликтом, а до тех пор гарантировать им справедливый суд, регулярные посещения и связь с семьями;
                - допустить независимый мониторинг состояния культурного и религиозного наследия в Нагорном Карабахе;
                - консультироваться с семьями пропавших без вести и удерживаемых, а также с организациями перемещённых лиц по тем частям соглашения, которые их касаются.

                Мир заключают государства, но живут в нём люди. Семьи, которые ждут годами, заслуживают ответов, а не молчания.

                [1] ОО «Семьи пропавших без вести», Реестр пропавших без вести: сводные данные, 2025, https://example.org/families-missing/register-2025
                """
            ),
        ),
    },
)

FOREIGN_FUNDING_2026 = StatementSpec(
    slug="withdraw-draft-law-on-foreign-funding-2026",
    status="published",
    published=at(2026, 4, 8, 10, 0),
    open_for_joining=True,
    categories=("democracy", "human-rights", "media-freedom"),
    publishers=("civic-dialogue",),
    events=(date(2026, 3, 25), None),
    signers=Signers(
        first=("civic-law-centre", "constitutional-rights", "free-speech-centre"),
        count=112,
        late=17,
        pool=("members:civic-dialogue", "members:humanitarian-network", "kind:foundation"),
        exclude=("argo-consulting", "sevan-solar", "ijevan-tv"),
        notes={"open-horizons": "Signed as a donor in solidarity with its grantees."},
    ),
    texts={
        "en": Text(
            title="Withdraw the draft law on 'organisations receiving foreign funding'",
            summary=(
                "The Civic Dialogue Network and more than a hundred organisations ask the "
                "Government to withdraw a draft law that would label civil-society organisations "
                "receiving foreign grants and subject them to special inspections. Organisations "
                "may still join this statement."
            ),
            body=md(
                """
                On 25 March 2026 a draft law "On the transparency of organisations receiving foreign funding" was put up for public discussion. It would require every non-governmental organisation and media outlet receiving more than 20 per cent of its income from abroad to enter a special register, to mark all its publications with that status, and to submit at any time to unscheduled inspections by a state body.

                Armenian civil-society organisations already report to the tax authorities, publish annual reports and disclose their donors. We support transparency, and we are ready to discuss how it can be improved for everyone, including organisations funded by the state and by businesses.

                This draft does something else. By singling out organisations because of the origin of their funding, it suggests that they serve foreign interests. Laws of this kind in other countries have been used to stigmatise and close down human rights groups, independent media and environmental organisations, and have been found incompatible with freedom of association by the European Court of Human Rights and the Venice Commission [1].

                We, the undersigned organisations, call on the Government:

                - to withdraw the draft law;
                - to entrust any review of the rules on the transparency of non-profit organisations to a working group that includes civil society, with a public timetable;
                - to request an opinion of the Venice Commission on any future proposal in this area.

                Thousands of people in every region of Armenia receive legal aid, care, education and information from the organisations this draft would stigmatise. Their work is a contribution to the country, not a threat to it.

                *This statement remains open for signature by civil-society organisations.*

                [1] European Commission for Democracy through Law, Report on the funding of associations, https://example.org/venice/funding-of-associations
                """
            ),
        ),
        "hy": Text(
            title="Հետ վերցրե՛ք «Օտարերկրյա ֆինանսավորում ստացող կազմակերպությունների» մասին օրենքի նախագիծը",
            summary=(
                "«Քաղաքացիական երկխոսություն» ցանցը և հարյուրից ավելի կազմակերպություններ "
                "Կառավարությանը խնդրում են հետ վերցնել օրենքի նախագիծը, որը պիտակավորում է "
                "օտարերկրյա դրամաշնորհներ ստացող քաղաքացիական հասարակության կազմակերպություններին "
                "և նրանց ենթարկում հատուկ ստուգումների։ Կազմակերպությունները դեռ կարող են միանալ "
                "այս հայտարարությանը։"
            ),
            body=md(
                """
                2026 թվականի մարտի 25-ին հանրային քննարկման դրվեց «Օտարերկրյա ֆինանսավորում ստացող կազմակերպությունների թափանցիկության մասին» օրենքի նախագիծը։ Դրանով իր եկամուտների 20 տոկոսից ավելին արտերկրից ստացող յուրաքանչյուր հասարակական կազմակերպություն և լրատվամիջոց պետք է գրանցվի հատուկ ռեգիստրում, իր բոլոր հրապարակումները նշի այդ կարգավիճակով և ցանկացած պահի ենթարկվի պետական մարմնի չպլանավորված ստուգումների։

                Հայաստանի քաղաքացիական հասարակության կազմակերպություններն արդեն հաշվետվություն են ներկայացնում հարկային մարմիններին, հրապարակում են տարեկան հաշվետվություններ և բացահայտում իրենց դոնորներին։ Մենք աջակցում ենք թափանցիկությանը և պատրաստ ենք քննարկել, թե ինչպես այն բարելավել բոլորի համար, այդ թվում՝ պետության և բիզնեսի կողմից ֆինանսավորվող կազմակերպությունների։

                Այս նախագիծն այլ բան է անում։ Կազմակերպություններին առանձնացնելով իրենց ֆինանսավորման ծագման հիման վրա՝ այն ակնարկում է, թե դրանք ծառայում են օտար շահերի։ Այլ երկրներում նման օրենքներն օգտագործվել են մարդու իրավունքների խմբերին, անկախ լրատվամիջոցներին և բնապահպանական կազմակերպություններին խարանելու և փակելու համար, և Մարդու իրավունքների եվրոպական դատարանն ու Վենետիկի հանձնաժողովը դրանք անհամատեղելի են գտել միավորման ազատության հետ [1]։

                Մենք՝ ստորագրող կազմակերպություններս, կոչ ենք անում Կառավարությանը՝

                - հետ վերցնել օրենքի նախագիծը,
                - ոչ առևտրային կազմակերպությունների թափանցիկության կանոնների ցանկացած վերանայում վստահել աշխատանքային խմբի, որում ընդգրկված կլինի քաղաքացիական հասարակությունը, հրապարակային ժամանակացույցով,
                - այս ոլորտում ցանկացած հետագա առաջարկի վերաբերյալ խնդրել Վենետիկի հանձնաժողովի կարծիքը։

                Հայաստանի բոլոր մարզերում հազարավոր մարդիկ իրավական օգնություն, խնամք, կրթություն և տեղեկատվություն են ստանում այն կազմակերպություններից, որոնց այս նախագիծը խարանելու է։ Նրանց աշխատանքը ներդրում է երկրի համար, ոչ թե սպառնալիք։

                *Այս հայտարարությունը բաց է քաղաքացիական հասարակության կազմակերպությունների ստորագրության համար։*

                [1] Ժողովրդավարություն՝ իրավունքի միջոցով եվրոպական հանձնաժողով, Զեկույց միավորումների ֆինանսավորման մասին, https://example.org/venice/funding-of-associations
                """
            ),
        ),
        "ru": Text(
            title="Отзовите законопроект об «организациях, получающих иностранное финансирование»",
            summary=(
                "Сеть гражданского диалога и более ста организаций просят Правительство отозвать "
                "законопроект, который навешивает ярлык на организации гражданского общества, "
                "получающие иностранные гранты, и подвергает их особым проверкам. К заявлению ещё "
                "можно присоединиться."
            ),
            body=md(
                """
                25 марта 2026 года на общественное обсуждение был вынесен проект закона «О прозрачности организаций, получающих иностранное финансирование». Он обязал бы каждую общественную организацию и каждое СМИ, получающие из-за рубежа более 20 процентов дохода, регистрироваться в специальном реестре, помечать этим статусом все свои публикации и в любое время подвергаться внеплановым проверкам государственного органа.

                Организации гражданского общества Армении уже отчитываются перед налоговыми органами, публикуют годовые отчёты и раскрывают своих доноров. Мы поддерживаем прозрачность и готовы обсуждать, как улучшить её для всех, в том числе для организаций, финансируемых государством и бизнесом.

                Этот законопроект делает другое. Выделяя организации по происхождению их финансирования, он намекает, что они служат иностранным интересам. Подобные законы в других странах использовались для того, чтобы клеймить и закрывать правозащитные группы, независимые СМИ и экологические организации, и Европейский суд по правам человека и Венецианская комиссия признавали их несовместимыми со свободой объединений [1].

                Мы, нижеподписавшиеся организации, призываем Правительство:

                - отозвать законопроект;
                - поручить любой пересмотр правил прозрачности некоммерческих организаций рабочей группе с участием гражданского общества и с публичным графиком работы;
                - запрашивать заключение Венецианской комиссии по любому будущему предложению в этой сфере.

                Тысячи людей во всех областях Армении получают юридическую помощь, уход, образование и информацию от организаций, которые этот законопроект заклеймил бы. Их работа — вклад в развитие страны, а не угроза ей.

                *Заявление остаётся открытым для подписания организациями гражданского общества.*

                [1] Европейская комиссия за демократию через право, Доклад о финансировании объединений, https://example.org/venice/funding-of-associations
                """
            ),
        ),
    },
)

SEVAN_SHORELINE = StatementSpec(
    slug="moratorium-on-construction-on-lake-sevan-shores",
    status="open",
    deadline=timedelta(days=24),
    categories=("environment",),
    publishers=("sevan-coalition",),
    signers=Signers(
        first=("sevan-friends", "sevan-basin-foundation"),
        count=8,
        pool=("members:sevan-coalition",),
        exclude=("sevan-solar",),
    ),
    texts={
        "en": Text(
            title="A moratorium on new construction on the shores of Lake Sevan",
            summary=(
                "The Green Sevan Coalition proposes a moratorium on new construction permits in the "
                "lake's protected shoreline zone until the zone is mapped and a coastal plan is "
                "adopted. The statement is open for signature until it is published."
            ),
            body=md(
                """
                The shores of Lake Sevan are changing faster than the rules meant to protect them. Every season new hotels, cafés and fences appear within the zone that the law reserves for the protection of the lake, often on land that will be flooded as the water level rises [1]. Public access to the beaches is narrowing, and the waste water of many of these buildings flows untreated into the lake.

                The protected zone has never been fully marked on the ground, and its boundaries in the cadastre do not match those set by the Government. Neither communities nor investors can be sure where building is allowed.

                We, the undersigned organisations, propose:

                - a moratorium on new construction permits within the protected shoreline zone until the zone is surveyed, marked on the ground and published on an open map;
                - the adoption, after public hearings in the communities of the basin, of a coastal plan that sets out where and how building is allowed;
                - an inventory of the existing buildings within the zone, with a timetable for connecting them to waste-water treatment or for removing those built without a permit;
                - free public access to the shore along its whole length.

                Lake Sevan is the country's largest reserve of fresh water. Protecting its shores is protecting the lake.

                [1] Friends of Lake Sevan, Shoreline construction survey, 2025, https://example.org/sevan-friends/shoreline-2025
                """
            ),
        ),
        "hy": Text(
            title="Մորատորիում Սևանա լճի ափերին նոր շինարարության վրա",
            summary=(
                "«Կանաչ Սևան» կոալիցիան առաջարկում է մորատորիում սահմանել լճի պահպանվող ափամերձ "
                "գոտում նոր շինարարական թույլտվությունների վրա, մինչև գոտու քարտեզագրումը և "
                "ափամերձ հատակագծի ընդունումը։ Հայտարարությունը բաց է ստորագրության համար մինչև "
                "դրա հրապարակումը։"
            ),
            body=md(
                """
                Սևանա լճի ափերը փոխվում են ավելի արագ, քան դրանք պաշտպանելու կոչված կանոնները։ Ամեն սեզոն լճի պահպանության համար օրենքով նախատեսված գոտում հայտնվում են նոր հյուրանոցներ, սրճարաններ և ցանկապատեր, հաճախ այն հողերում, որոնք ջրի մակարդակի բարձրացմանը զուգընթաց ողողվելու են [1]։ Լողափերի հանրային հասանելիությունը նեղանում է, իսկ այդ շենքերից շատերի կեղտաջրերն առանց մաքրման լցվում են լիճ։

                Պահպանվող գոտին երբեք ամբողջությամբ չի նշագծվել տեղանքում, և կադաստրում դրա սահմանները չեն համընկնում Կառավարության սահմանածների հետ։ Ո՛չ համայնքները, ո՛չ էլ ներդրողները չեն կարող վստահ լինել, թե որտեղ է թույլատրված կառուցել։

                Մենք՝ ստորագրող կազմակերպություններս, առաջարկում ենք՝

                - մորատորիում սահմանել պահպանվող ափամերձ գոտում նոր շինարարական թույլտվությունների վրա, մինչև գոտին չափագրվի, նշագծվի տեղանքում և հրապարակվի բաց քարտեզի վրա,
                - ավազանի համայնքներում հանրային լսումներից հետո ընդունել ափամերձ հատակագիծ, որը կսահմանի, թե որտեղ և ինչպես է թույլատրված շինարարությունը,
                - գույքագրել գոտում գտնվող շենքերը և սահմանել ժամանակացույց՝ դրանք կեղտաջրերի մաքրման համակարգին միացնելու կամ առանց թույլտվության կառուցվածները քանդելու համար,
                - ապահովել ափի ազատ հանրային հասանելիությունը նրա ողջ երկայնքով։

                Սևանա լիճը երկրի քաղցրահամ ջրի ամենամեծ պաշարն է։ Նրա ափերը պաշտպանելը նշանակում է պաշտպանել լիճը։

                [1] «Սևանի բարեկամներ» ՀԿ, Ափամերձ շինարարության ուսումնասիրություն, 2025, https://example.org/sevan-friends/shoreline-2025
                """
            ),
        ),
        "ru": Text(
            title="Мораторий на новое строительство на берегах озера Севан",
            summary=(
                "Коалиция «Зелёный Севан» предлагает ввести мораторий на новые разрешения на "
                "строительство в охранной прибрежной зоне озера до её картирования и принятия "
                "прибрежного плана. Заявление открыто для подписания до его публикации."
            ),
            body=md(
                """
                Берега Севана меняются быстрее, чем правила, призванные их защищать. Каждый сезон в зоне, которую закон отводит для охраны озера, появляются новые гостиницы, кафе и заборы — часто на землях, которые уйдут под воду по мере подъёма уровня [1]. Публичный доступ к пляжам сужается, а сточные воды многих из этих зданий без очистки попадают в озеро.

                Охранная зона так и не была полностью обозначена на местности, а её границы в кадастре не совпадают с установленными Правительством. Ни общины, ни инвесторы не могут быть уверены, где строить разрешено.

                Мы, нижеподписавшиеся организации, предлагаем:

                - ввести мораторий на выдачу новых разрешений на строительство в охранной прибрежной зоне, пока зона не будет обмерена, обозначена на местности и опубликована на открытой карте;
                - после общественных слушаний в общинах бассейна принять прибрежный план, определяющий, где и как разрешено строить;
                - провести инвентаризацию существующих зданий в зоне и установить график их подключения к очистке сточных вод или сноса построенных без разрешения;
                - обеспечить свободный публичный доступ к берегу на всём его протяжении.

                Озеро Севан — крупнейший запас пресной воды в стране. Защищать его берега — значит защищать само озеро.

                [1] ОО «Друзья озера Севан», Обследование прибрежной застройки, 2025, https://example.org/sevan-friends/shoreline-2025
                """
            ),
        ),
    },
)

LABOUR_CODE_DRAFT = StatementSpec(
    slug="draft-reasonable-accommodation-in-the-labour-code",
    status="draft",
    categories=("human-rights",),
    publishers=("disability-coalition",),
    signers=Signers(
        first=("gyumri-independent-living", "labour-rights-centre"),
        count=5,
        pool=("members:disability-coalition",),
    ),
    texts={
        "en": Text(
            title="Reasonable accommodation in the new Labour Code",
            summary=(
                "Draft position of the Inter-Regional Disability Rights Coalition on the employment "
                "of persons with disabilities in the new Labour Code. Not for publication yet."
            ),
            body=md(
                """
                *Draft for discussion among member organisations. Comments to the secretariat by the end of the month.*

                The draft Labour Code presented by the Ministry of Labour and Social Affairs mentions persons with disabilities in a single article, on quotas. It does not define reasonable accommodation, and it does not say who pays for it.

                We propose that the Code:

                - define the refusal of reasonable accommodation as discrimination, as the Convention on the Rights of Persons with Disabilities requires;
                - create a state fund that covers the cost of adapting workplaces for small employers;
                - recognise flexible working hours and remote work as forms of accommodation;
                - require the labour inspectorate to check accessibility when it inspects large employers.

                To be completed: examples from members' casework, and figures on the employment of persons with disabilities by region.
                """
            ),
        ),
    },
)

STATEMENTS = [
    VANADZOR_PARK_2024,
    OWNERSHIP_2024,
    CURRICULUM_2025,
    MISSING_2025,
    FOREIGN_FUNDING_2026,
    SEVAN_SHORELINE,
    LABOUR_CODE_DRAFT,
]
