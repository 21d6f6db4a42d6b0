# ruff: noqa: E501 -- statement prose: one paragraph a line, as editors write Markdown.
"""Demo statements of 2019–2020: the network's founding, Lake Sevan, the pandemic, the war."""

from datetime import date

from undersigned.demo.content.spec import Signers, StatementSpec, Text, at, md

BOARD = (
    "energy-coalition",
    "education-coalition",
    "women-coalition",
    "local-democracy-coalition",
    "media-coalition",
    "anticorruption-coalition",
    "sevan-coalition",
    "disability-coalition",
    "decent-work-coalition",
    "observers-network",
)

FOUNDING = StatementSpec(
    slug="founding-declaration-civic-dialogue-network",
    status="published",
    published=at(2019, 2, 22, 17, 30),
    categories=("democracy", "announcements"),
    publishers=("civic-dialogue",),
    signers=Signers(
        first=(*BOARD, "civic-law-centre"),
        count=42,
        pool=("members:civic-dialogue",),
        exclude=("humanitarian-network", "open-horizons"),
    ),
    texts={
        "en": Text(
            title="Founding Declaration of the Civic Dialogue Network of Armenian CSOs",
            summary=(
                "Ten sectoral coalitions and more than thirty organisations establish a network to "
                "bring the voice of civil society into the reforms, and set out the principles "
                "they will work by."
            ),
            adoption_note="Adopted by the founding assembly of the Network in Yerevan on 22 February 2019.",
            body=md(
                """
                We, the undersigned coalitions and civil-society organisations of Armenia, meeting in Yerevan on 22 February 2019, establish the Civic Dialogue Network of Armenian CSOs.

                The changes of 2018 opened a space for reform that our country has long waited for. Reforms last only when those they affect take part in shaping them. Civil-society organisations hold knowledge gathered over many years in communities, courts, schools, hospitals and newsrooms; this knowledge must reach the people who draft laws and policies, and it must reach them in time.

                The Network will:

                - hold a regular, structured dialogue with the Government, the National Assembly and local self-government bodies on the reforms that concern its members;
                - prepare joint positions on draft laws and strategies and publish them openly;
                - support its member coalitions in the regions, so that the dialogue is not limited to Yerevan;
                - report each year on which of its proposals were accepted, and why others were not.

                The Network is independent of political parties and of the state. Its decisions are taken by a Governing Board made up of the member coalitions, each with one vote; the secretariat is entrusted to the Civic Law Centre. Membership is open to every civil-society organisation that accepts this declaration and the Network's rules of procedure.

                We invite state bodies to see in the Network a partner that is sometimes critical and always constructive, and we invite organisations across Armenia to join us.
                """
            ),
        ),
        "hy": Text(
            title="Հայաստանի քաղաքացիական հասարակության կազմակերպությունների «Քաղաքացիական երկխոսություն» ցանցի հիմնադիր հռչակագիր",
            summary=(
                "Տասը ոլորտային կոալիցիաներ և ավելի քան երեսուն կազմակերպություններ ստեղծում են "
                "ցանց՝ քաղաքացիական հասարակության ձայնը բարեփոխումներին հասցնելու համար, և "
                "սահմանում են իրենց աշխատանքի սկզբունքները։"
            ),
            adoption_note="Ընդունվել է Ցանցի հիմնադիր ժողովում՝ Երևանում, 2019 թվականի փետրվարի 22-ին։",
            body=md(
                """
                Մենք՝ ստորև ստորագրած Հայաստանի կոալիցիաներս և քաղաքացիական հասարակության կազմակերպություններս, 2019 թվականի փետրվարի 22-ին Երևանում կայացած հանդիպմանը հիմնադրում ենք Հայաստանի քաղաքացիական հասարակության կազմակերպությունների «Քաղաքացիական երկխոսություն» ցանցը։

                2018 թվականի փոփոխությունները բացեցին բարեփոխումների այն հնարավորությունը, որին մեր երկիրը երկար էր սպասում։ Բարեփոխումները կայուն են միայն այն դեպքում, երբ դրանց ձևավորմանը մասնակցում են նրանք, ում դրանք վերաբերում են։ Քաղաքացիական հասարակության կազմակերպությունները տարիների ընթացքում գիտելիք են կուտակել համայնքներում, դատարաններում, դպրոցներում, հիվանդանոցներում և խմբագրություններում. այդ գիտելիքը պետք է հասնի օրենքներ և քաղաքականություններ մշակողներին, և պետք է հասնի ժամանակին։

                Ցանցը՝

                - կանոնավոր և կառուցվածքային երկխոսություն կվարի Կառավարության, Ազգային ժողովի և տեղական ինքնակառավարման մարմինների հետ իր անդամներին վերաբերող բարեփոխումների շուրջ,
                - համատեղ դիրքորոշումներ կմշակի օրենքների և ռազմավարությունների նախագծերի վերաբերյալ և դրանք բաց կհրապարակի,
                - կաջակցի մարզերում գործող իր անդամ կոալիցիաներին, որպեսզի երկխոսությունը չսահմանափակվի Երևանով,
                - ամեն տարի կհաշվետվի, թե իր առաջարկներից որոնք են ընդունվել, և ինչու՝ մյուսները ոչ։

                Ցանցն անկախ է քաղաքական կուսակցություններից և պետությունից։ Նրա որոշումներն ընդունում է անդամ կոալիցիաներից կազմված Կառավարման խորհուրդը, որտեղ յուրաքանչյուր կոալիցիա ունի մեկ ձայն. քարտուղարության գործառույթները վերապահված են «Քաղաքացիական իրավունքի կենտրոն» ՀԿ-ին։ Ցանցին կարող է անդամակցել քաղաքացիական հասարակության ցանկացած կազմակերպություն, որն ընդունում է սույն հռչակագիրը և Ցանցի ընթացակարգի կանոնները։

                Պետական մարմիններին հրավիրում ենք Ցանցում տեսնել գործընկերոջ՝ երբեմն քննադատող, բայց միշտ կառուցողական, իսկ Հայաստանի բոլոր կազմակերպություններին՝ միանալ մեզ։
                """
            ),
        ),
        "ru": Text(
            title="Учредительная декларация Сети гражданского диалога организаций гражданского общества Армении",
            summary=(
                "Десять отраслевых коалиций и более тридцати организаций создают сеть, чтобы "
                "донести голос гражданского общества до реформ, и определяют принципы своей работы."
            ),
            adoption_note="Принята учредительным собранием Сети в Ереване 22 февраля 2019 года.",
            body=md(
                """
                Мы, нижеподписавшиеся коалиции и организации гражданского общества Армении, собравшись в Ереване 22 февраля 2019 года, учреждаем Сеть гражданского диалога организаций гражданского общества Армении.

                Перемены 2018 года открыли возможность для реформ, которых наша страна давно ждала. Реформы долговечны лишь тогда, когда в их подготовке участвуют те, кого они касаются. Организации гражданского общества за многие годы накопили знания в общинах, судах, школах, больницах и редакциях; эти знания должны доходить до тех, кто готовит законы и политику, — и доходить вовремя.

                Сеть будет:

                - вести регулярный и структурированный диалог с Правительством, Национальным Собранием и органами местного самоуправления по реформам, касающимся её членов;
                - готовить совместные позиции по проектам законов и стратегий и открыто их публиковать;
                - поддерживать входящие в неё коалиции в регионах, чтобы диалог не ограничивался Ереваном;
                - ежегодно отчитываться о том, какие её предложения были приняты и почему были отклонены остальные.

                Сеть независима от политических партий и государства. Решения принимает Руководящий совет, в который входят коалиции-члены, каждая с одним голосом; функции секретариата возложены на ОО «Центр гражданского права». Членом Сети может стать любая организация гражданского общества, принимающая настоящую декларацию и регламент Сети.

                Мы призываем государственные органы видеть в Сети партнёра — порой критичного, но всегда конструктивного, — а организации со всей Армении приглашаем присоединиться к нам.
                """
            ),
        ),
    },
)

SEVAN_2019 = StatementSpec(
    slug="lake-sevan-extra-water-releases-2019",
    status="closed",
    published=at(2019, 7, 16, 11, 0),
    deadline=at(2019, 7, 31, 18, 0),
    categories=("environment",),
    publishers=("sevan-coalition",),
    events=(date(2019, 7, 9), None),
    signers=Signers(
        first=("sevan-friends", "sevan-basin-foundation", "environmental-law"),
        count=24,
        pool=("members:sevan-coalition", "members:energy-coalition"),
        exclude=("sevan-solar", "argo-consulting"),
    ),
    texts={
        "en": Text(
            title="Lake Sevan cannot pay for another dry summer: stop the extra water releases",
            summary=(
                "Members of the Green Sevan Coalition call on the Government to withdraw its request "
                "for additional irrigation releases from Lake Sevan and to publish the lake's water "
                "balance."
            ),
            adoption_note="Agreed by the members of the Green Sevan Coalition on 15 July 2019.",
            body=md(
                """
                On 9 July 2019 the Government submitted to the National Assembly a draft decision that would allow 170 million cubic metres of water to be released from Lake Sevan for irrigation this year, on top of the annual limit. We, the undersigned organisations, ask the Government to withdraw this request.

                The lake rose by almost four metres between 2002 and 2018 because releases were kept below natural inflow. That gain is fragile. Each extra release lowers the level, warms the shallow bays and feeds the algal blooms that residents of Sevan, Gavar and Martuni have seen every summer since 2018 [1]. The fish stocks, the beaches and the drinking-water reserve of the whole country depend on the same water.

                We do not dismiss the farmers of the Ararat valley: their losses in a dry year are real. But the answer lies in the irrigation network, which loses almost half of the water before it reaches a field [2], and not in the lake.

                We therefore call on the Government and the National Assembly to:

                - withdraw the draft decision on additional releases for 2019;
                - publish every month the lake's level, inflow and outflow, and the volumes released;
                - fund the repair of the main irrigation canals in next year's state budget;
                - consult the communities of the Sevan basin before any future change of the release limits.

                [1] Sevan Basin Foundation, Water quality observations 2018, https://example.org/sevan/water-quality-2018
                [2] Transparent Numbers, Irrigation losses by canal, 2015–2018, https://example.org/numbers/irrigation-losses
                """
            ),
        ),
        "hy": Text(
            title="Սևանը չի կարող վճարել ևս մեկ չոր ամռան համար. դադարեցրե՛ք ջրի լրացուցիչ բացթողումները",
            summary=(
                "«Կանաչ Սևան» կոալիցիայի անդամները կոչ են անում Կառավարությանը հետ վերցնել Սևանա "
                "լճից ոռոգման նպատակով լրացուցիչ ջրառի հայցը և հրապարակել լճի ջրային հաշվեկշիռը։"
            ),
            adoption_note="Համաձայնեցվել է «Կանաչ Սևան» կոալիցիայի անդամների կողմից 2019 թվականի հուլիսի 15-ին։",
            body=md(
                """
                2019 թվականի հուլիսի 9-ին Կառավարությունը Ազգային ժողով ներկայացրեց որոշման նախագիծ, որով թույլատրվում է այս տարի տարեկան սահմանաչափից ավելի ևս 170 միլիոն խորանարդ մետր ջուր բաց թողնել Սևանա լճից ոռոգման համար։ Մենք՝ ստորագրող կազմակերպություններս, խնդրում ենք Կառավարությանը հետ վերցնել այդ նախագիծը։

                2002–2018 թվականներին լճի մակարդակը բարձրացել է գրեթե չորս մետրով, քանի որ ջրառը պահվել է բնական ներհոսքից ցածր։ Այդ ձեռքբերումը փխրուն է։ Յուրաքանչյուր լրացուցիչ բացթողում իջեցնում է մակարդակը, տաքացնում ծանծաղ ծովածոցերը և սնուցում ջրիմուռների ծաղկումը, որը Սևանի, Գավառի և Մարտունու բնակիչները տեսնում են 2018 թվականից ի վեր ամեն ամառ [1]։ Նույն ջրից են կախված ձկան պաշարները, լողափերը և ողջ երկրի խմելու ջրի պաշարը։

                Մենք չենք անտեսում Արարատյան դաշտի ֆերմերներին. չոր տարում նրանց կորուստներն իրական են։ Սակայն լուծումը ոռոգման ցանցն է, որը կորցնում է ջրի գրեթե կեսը՝ նախքան այն դաշտ հասնելը [2], և ոչ թե լիճը։

                Ուստի կոչ ենք անում Կառավարությանը և Ազգային ժողովին՝

                - հետ վերցնել 2019 թվականի համար լրացուցիչ բացթողումների մասին որոշման նախագիծը,
                - ամեն ամիս հրապարակել լճի մակարդակը, ներհոսքը, արտահոսքը և բաց թողնված ջրի ծավալները,
                - հաջորդ տարվա պետական բյուջեում ֆինանսավորել ոռոգման հիմնական ջրանցքների վերանորոգումը,
                - բացթողման սահմանաչափերի ցանկացած հետագա փոփոխությունից առաջ խորհրդակցել Սևանի ավազանի համայնքների հետ։

                [1] Սևանի ավազանի հիմնադրամ, Ջրի որակի դիտարկումներ, 2018, https://example.org/sevan/water-quality-2018
                [2] «Թափանցիկ թվեր» ՀԿ, Ոռոգման կորուստներն ըստ ջրանցքների, 2015–2018, https://example.org/numbers/irrigation-losses
                """
            ),
        ),
        "ru": Text(
            title="Севан не выдержит ещё одного засушливого лета: остановите дополнительные попуски воды",
            summary=(
                "Члены коалиции «Зелёный Севан» призывают Правительство отозвать запрос о "
                "дополнительных попусках воды из озера Севан на орошение и опубликовать водный "
                "баланс озера."
            ),
            adoption_note="Согласовано членами коалиции «Зелёный Севан» 15 июля 2019 года.",
            body=md(
                """
                9 июля 2019 года Правительство внесло в Национальное Собрание проект решения, который позволил бы в этом году сверх годового лимита выпустить из озера Севан на орошение ещё 170 миллионов кубических метров воды. Мы, нижеподписавшиеся организации, просим Правительство отозвать этот проект.

                С 2002 по 2018 год уровень озера поднялся почти на четыре метра, потому что попуски держались ниже естественного притока. Этот результат хрупок. Каждый дополнительный попуск понижает уровень, прогревает мелководные заливы и подпитывает цветение водорослей, которое жители Севана, Гавара и Мартуни наблюдают каждое лето начиная с 2018 года [1]. От той же воды зависят рыбные запасы, пляжи и резерв питьевой воды всей страны.

                Мы не отмахиваемся от фермеров Араратской долины: их потери в засушливый год реальны. Но решение — в оросительной сети, которая теряет почти половину воды, прежде чем та дойдёт до поля [2], а не в озере.

                Поэтому мы призываем Правительство и Национальное Собрание:

                - отозвать проект решения о дополнительных попусках на 2019 год;
                - ежемесячно публиковать уровень озера, приток, сток и объёмы выпущенной воды;
                - предусмотреть в государственном бюджете следующего года средства на ремонт магистральных оросительных каналов;
                - консультироваться с общинами бассейна Севана перед любым будущим изменением лимитов попусков.

                [1] Фонд бассейна Севана, Наблюдения за качеством воды, 2018, https://example.org/sevan/water-quality-2018
                [2] ОО «Прозрачные цифры», Потери воды при орошении по каналам, 2015–2018, https://example.org/numbers/irrigation-losses
                """
            ),
        ),
    },
)

COVID_2020 = StatementSpec(
    slug="state-of-emergency-accountability-2020",
    status="published",
    published=at(2020, 4, 2, 10, 0),
    categories=("human-rights", "democracy"),
    publishers=("civic-dialogue",),
    events=(date(2020, 3, 16), None),
    signers=Signers(
        first=("civic-law-centre", "constitutional-rights", "fair-trial"),
        count=63,
        pool=("members:civic-dialogue",),
        exclude=("humanitarian-network", "open-horizons"),
    ),
    texts={
        "en": Text(
            title="The state of emergency must not suspend accountability",
            summary=(
                "The Civic Dialogue Network supports the measures against COVID-19 and asks that "
                "restrictions on rights remain necessary, proportionate, time-bound and open to "
                "review."
            ),
            body=md(
                """
                On 16 March 2020 the Government declared a state of emergency to slow the spread of COVID-19. The Civic Dialogue Network of Armenian CSOs supports the effort to protect public health, and many of our members are today delivering food, medicines and information to people in isolation.

                An emergency, however, does not suspend the Constitution. Several measures adopted in the past two weeks go further than the protection of health requires. The ban on publishing information about the epidemic other than that of official sources prevents journalists from reporting what they see in hospitals and communities. The authorities were given access to mobile operators' location data without any independent oversight and without a rule on when the data will be destroyed.

                We call on the Government and the National Assembly to ensure that:

                - every restriction of rights is necessary, proportionate and limited in time, and is reviewed by the National Assembly at least once a month;
                - the restrictions on the media are lifted, and accurate reporting is answered with information, not fines;
                - personal data collected during the emergency are used only for the purposes of the epidemic, under the oversight of the Personal Data Protection Agency, and deleted when the emergency ends;
                - people in prisons, psychiatric institutions and care homes are protected, and independent monitors keep their access to them;
                - social support reaches informal workers, returning migrants and families in the regions, who are the first to lose their income.

                Civil society stands ready to help. Trust in the measures will be greater if the public can see how decisions are made and can question them.
                """
            ),
        ),
        "hy": Text(
            title="Արտակարգ դրությունը չպետք է կասեցնի հաշվետվողականությունը",
            summary=(
                "«Քաղաքացիական երկխոսություն» ցանցն աջակցում է COVID-19-ի դեմ միջոցառումներին և "
                "պահանջում, որ իրավունքների սահմանափակումները լինեն անհրաժեշտ, համաչափ, "
                "ժամկետային և վերանայման ենթակա։"
            ),
            body=md(
                """
                2020 թվականի մարտի 16-ին Կառավարությունը հայտարարեց արտակարգ դրություն՝ COVID-19-ի տարածումը դանդաղեցնելու նպատակով։ Հայաստանի քաղաքացիական հասարակության կազմակերպությունների «Քաղաքացիական երկխոսություն» ցանցն աջակցում է հանրային առողջության պաշտպանության ջանքերին, և մեր անդամներից շատերն այսօր սնունդ, դեղեր և տեղեկատվություն են հասցնում մեկուսացման մեջ գտնվող մարդկանց։

                Սակայն արտակարգ դրությունը չի կասեցնում Սահմանադրության գործողությունը։ Վերջին երկու շաբաթում ընդունված մի շարք միջոցներ ավելի հեռուն են գնում, քան պահանջում է առողջության պաշտպանությունը։ Համաճարակի մասին պաշտոնական աղբյուրներից բացի այլ տեղեկատվության հրապարակման արգելքը խոչընդոտում է լրագրողներին պատմել այն, ինչ նրանք տեսնում են հիվանդանոցներում և համայնքներում։ Իշխանություններին տրամադրվել է բջջային օպերատորների տեղորոշման տվյալների հասանելիություն՝ առանց որևէ անկախ վերահսկողության և առանց կանոնի, թե երբ են տվյալները ոչնչացվելու։

                Կոչ ենք անում Կառավարությանը և Ազգային ժողովին ապահովել, որ՝

                - իրավունքների յուրաքանչյուր սահմանափակում լինի անհրաժեշտ, համաչափ և ժամկետով սահմանափակված, և Ազգային ժողովն այն վերանայի առնվազն ամիսը մեկ անգամ,
                - վերացվեն լրատվամիջոցների նկատմամբ սահմանափակումները, և ճշգրիտ լուսաբանմանը պատասխանեն տեղեկատվությամբ, այլ ոչ թե տուգանքներով,
                - արտակարգ դրության ընթացքում հավաքված անձնական տվյալներն օգտագործվեն միայն համաճարակի դեմ պայքարի նպատակով, Անձնական տվյալների պաշտպանության գործակալության վերահսկողությամբ, և ոչնչացվեն արտակարգ դրության ավարտին,
                - պաշտպանված լինեն բանտերում, հոգեբուժական հաստատություններում և խնամքի տներում գտնվող մարդիկ, և անկախ դիտորդները պահպանեն նրանց այցելելու հնարավորությունը,
                - սոցիալական աջակցությունը հասնի ոչ ֆորմալ զբաղվածներին, վերադարձող միգրանտներին և մարզերի ընտանիքներին, որոնք առաջինն են կորցնում եկամուտը։

                Քաղաքացիական հասարակությունը պատրաստ է օգնել։ Միջոցառումների նկատմամբ վստահությունն ավելի մեծ կլինի, եթե հանրությունը տեսնի, թե ինչպես են որոշումները կայացվում, և կարողանա հարցեր բարձրացնել դրանց շուրջ։
                """
            ),
        ),
        "ru": Text(
            title="Чрезвычайное положение не должно приостанавливать подотчётность",
            summary=(
                "Сеть гражданского диалога поддерживает меры против COVID-19 и требует, чтобы "
                "ограничения прав оставались необходимыми, соразмерными, ограниченными во времени "
                "и подлежащими пересмотру."
            ),
            body=md(
                """
                16 марта 2020 года Правительство объявило чрезвычайное положение, чтобы замедлить распространение COVID-19. Сеть гражданского диалога организаций гражданского общества Армении поддерживает усилия по защите общественного здоровья, и многие наши члены сегодня доставляют продукты, лекарства и информацию людям на самоизоляции.

                Однако чрезвычайное положение не приостанавливает действие Конституции. Ряд мер, принятых за последние две недели, идёт дальше, чем требует защита здоровья. Запрет публиковать сведения об эпидемии из иных источников, кроме официальных, не позволяет журналистам рассказывать о том, что они видят в больницах и общинах. Власти получили доступ к данным мобильных операторов о местоположении без какого-либо независимого надзора и без правила о том, когда эти данные будут уничтожены.

                Мы призываем Правительство и Национальное Собрание обеспечить, чтобы:

                - каждое ограничение прав было необходимым, соразмерным и ограниченным во времени и не реже раза в месяц пересматривалось Национальным Собранием;
                - ограничения для СМИ были сняты, а на точные публикации отвечали информацией, а не штрафами;
                - персональные данные, собранные во время чрезвычайного положения, использовались только в целях борьбы с эпидемией, под надзором Агентства по защите персональных данных, и были уничтожены после его окончания;
                - люди в тюрьмах, психиатрических учреждениях и домах престарелых были защищены, а независимые наблюдатели сохранили доступ к ним;
                - социальная поддержка доходила до неформально занятых, возвращающихся мигрантов и семей в регионах — тех, кто первыми теряет доход.

                Гражданское общество готово помогать. Доверие к мерам будет выше, если общество видит, как принимаются решения, и может задавать о них вопросы.
                """
            ),
        ),
    },
)

CIVILIANS_2020 = StatementSpec(
    slug="protect-civilians-appeal-of-the-governing-board-2020",
    status="published",
    published=at(2020, 9, 29, 19, 0),
    categories=("peace-and-security", "human-rights"),
    publishers=("civic-dialogue",),
    events=(date(2020, 9, 27), date(2020, 9, 29)),
    signers=Signers(first=(*BOARD, "civic-law-centre"), count=11),
    texts={
        "en": Text(
            title="Protect civilians and respect humanitarian law: appeal of the Governing Board",
            summary=(
                "As hostilities in and around Nagorno-Karabakh enter their third day, the Governing "
                "Board of the Civic Dialogue Network calls for the protection of civilians, "
                "humanitarian access and an immediate return to negotiations."
            ),
            adoption_note="Adopted by the Governing Board at its remote meeting of 28–29 September 2020.",
            body=md(
                """
                Since the morning of 27 September 2020, large-scale hostilities have been under way in and around Nagorno-Karabakh. Towns and villages far from the line of contact, including Stepanakert and Martuni, have been shelled, and civilians, among them children, have been killed and wounded. Communities in the Gegharkunik and Vayots Dzor regions of Armenia have also been hit.

                International humanitarian law binds every party to an armed conflict. Attacks directed at civilians and civilian objects, indiscriminate attacks, and the use of explosive weapons with wide-area effects in populated areas are prohibited. Schools, hospitals and homes are not military targets.

                The Governing Board of the Civic Dialogue Network of Armenian CSOs:

                - calls on all parties to stop attacks affecting civilians and civilian infrastructure, and to allow the evacuation of those who wish to leave;
                - urges that the International Committee of the Red Cross and other humanitarian organisations be given safe and unhindered access to the affected population;
                - asks that the safety of journalists be respected, and calls on the media to verify information and to refrain from spreading hatred;
                - calls on the international community, including the OSCE, the Council of Europe and the United Nations, to use every means at their disposal to secure a ceasefire and a return to negotiations.

                Our member organisations are collecting documented information on harm to civilians, so that it may serve future accountability. We stand ready to support the people affected in Nagorno-Karabakh and in the border regions of Armenia.
                """
            ),
        ),
        "hy": Text(
            title="Պաշտպանե՛ք խաղաղ բնակչությանը և հարգե՛ք մարդասիրական իրավունքը. Կառավարման խորհրդի կոչը",
            summary=(
                "Լեռնային Ղարաբաղում և նրա շրջակայքում ռազմական գործողությունների երրորդ օրը "
                "«Քաղաքացիական երկխոսություն» ցանցի Կառավարման խորհուրդը կոչ է անում պաշտպանել "
                "խաղաղ բնակչությանը, ապահովել մարդասիրական մուտքը և անհապաղ վերադառնալ "
                "բանակցություններին։"
            ),
            adoption_note="Ընդունվել է Կառավարման խորհրդի՝ 2020 թվականի սեպտեմբերի 28–29-ին կայացած հեռավար նիստում։",
            body=md(
                """
                2020 թվականի սեպտեմբերի 27-ի առավոտից Լեռնային Ղարաբաղում և նրա շրջակայքում ընթանում են լայնածավալ ռազմական գործողություններ։ Շփման գծից հեռու գտնվող քաղաքներն ու գյուղերը, այդ թվում՝ Ստեփանակերտը և Մարտունին, ենթարկվել են հրետակոծության, խաղաղ բնակիչներ, այդ թվում՝ երեխաներ, զոհվել և վիրավորվել են։ Հարվածներ են հասցվել նաև Հայաստանի Գեղարքունիքի և Վայոց ձորի մարզերի համայնքներին։

                Միջազգային մարդասիրական իրավունքը պարտադիր է զինված հակամարտության յուրաքանչյուր կողմի համար։ Արգելվում են խաղաղ բնակչության և քաղաքացիական օբյեկտների դեմ ուղղված հարձակումները, անխտիր հարձակումները և բնակեցված վայրերում լայն տարածքի վրա ազդող պայթուցիկ զենքի կիրառումը։ Դպրոցները, հիվանդանոցները և բնակելի տները ռազմական թիրախ չեն։

                Հայաստանի քաղաքացիական հասարակության կազմակերպությունների «Քաղաքացիական երկխոսություն» ցանցի Կառավարման խորհուրդը՝

                - կոչ է անում բոլոր կողմերին դադարեցնել խաղաղ բնակչությանը և քաղաքացիական ենթակառուցվածքներին վնասող հարձակումները և թույլ տալ տարհանել նրանց, ովքեր ցանկանում են հեռանալ,
                - պահանջում է Կարմիր խաչի միջազգային կոմիտեին և այլ մարդասիրական կազմակերպություններին ապահով և անարգել մուտք տրամադրել տուժած բնակչությանը,
                - կոչ է անում հարգել լրագրողների անվտանգությունը, իսկ լրատվամիջոցներին՝ ստուգել տեղեկատվությունը և ձեռնպահ մնալ ատելության տարածումից,
                - կոչ է անում միջազգային հանրությանը, այդ թվում՝ ԵԱՀԿ-ին, Եվրոպայի խորհրդին և Միավորված ազգերի կազմակերպությանը, գործադրել իրենց հասանելի բոլոր միջոցները՝ հրադադար հաստատելու և բանակցություններին վերադառնալու համար։

                Մեր անդամ կազմակերպությունները հավաքում են խաղաղ բնակչությանը պատճառված վնասի վերաբերյալ փաստագրված տեղեկություններ, որպեսզի դրանք ծառայեն ապագայում պատասխանատվության ենթարկելուն։ Պատրաստ ենք աջակցել Լեռնային Ղարաբաղի և Հայաստանի սահմանամերձ մարզերի տուժած բնակչությանը։
                """
            ),
        ),
        "ru": Text(
            title="Защитите мирное население и соблюдайте гуманитарное право: обращение Руководящего совета",
            summary=(
                "На третий день боевых действий в Нагорном Карабахе и вокруг него Руководящий совет "
                "Сети гражданского диалога призывает защитить мирное население, обеспечить "
                "гуманитарный доступ и немедленно вернуться к переговорам."
            ),
            adoption_note="Принято Руководящим советом на дистанционном заседании 28–29 сентября 2020 года.",
            body=md(
                """
                С утра 27 сентября 2020 года в Нагорном Карабахе и вокруг него идут масштабные боевые действия. Города и сёла вдали от линии соприкосновения, в том числе Степанакерт и Мартуни, подверглись обстрелам; есть погибшие и раненые среди мирных жителей, в том числе дети. Удары были нанесены и по общинам Гегаркуникской и Вайоцдзорской областей Армении.

                Международное гуманитарное право обязательно для всех сторон вооружённого конфликта. Запрещены нападения на мирное население и гражданские объекты, неизбирательные нападения, а также применение взрывчатого оружия широкого действия в населённых пунктах. Школы, больницы и жилые дома не являются военными целями.

                Руководящий совет Сети гражданского диалога организаций гражданского общества Армении:

                - призывает все стороны прекратить удары, затрагивающие мирное население и гражданскую инфраструктуру, и позволить эвакуироваться тем, кто хочет уехать;
                - настаивает на том, чтобы Международному комитету Красного Креста и другим гуманитарным организациям был предоставлен безопасный и беспрепятственный доступ к пострадавшему населению;
                - призывает уважать безопасность журналистов, а СМИ — проверять информацию и не распространять ненависть;
                - призывает международное сообщество, в том числе ОБСЕ, Совет Европы и Организацию Объединённых Наций, использовать все имеющиеся средства для установления прекращения огня и возвращения к переговорам.

                Наши организации-члены собирают задокументированные сведения о вреде, причинённом мирному населению, чтобы они послужили установлению ответственности в будущем. Мы готовы поддержать пострадавших в Нагорном Карабахе и в приграничных областях Армении.
                """
            ),
        ),
    },
)

PRISONERS_2020 = StatementSpec(
    slug="return-prisoners-of-war-and-detained-civilians-2020",
    status="published",
    published=at(2020, 12, 10, 12, 0),
    categories=("human-rights", "peace-and-security"),
    publishers=("civic-dialogue", "homecoming"),
    events=(date(2020, 9, 27), date(2020, 11, 9)),
    order="alphabetical",
    signers=Signers(
        first=("homecoming", "families-missing", "civic-law-centre"),
        count=128,
        pool=("members:civic-dialogue", "kind:foundation"),
        exclude=("humanitarian-network", "artsakh-displaced-union", "open-horizons"),
    ),
    texts={
        "en": Text(
            title="Bring them home: call for the return of prisoners of war and detained civilians",
            summary=(
                "One month after the ceasefire of 9 November 2020, 128 organisations call for the "
                "release of all prisoners of war and civilians held in Azerbaijan, access for the "
                "ICRC, and the return of the remains of the dead."
            ),
            body=md(
                """
                The trilateral statement of 9 November 2020 ended the hostilities in and around Nagorno-Karabakh. Its eighth point provides for the exchange of prisoners of war, other detained persons and the bodies of the dead. A month later, families in Armenia and Nagorno-Karabakh are still waiting for news of their sons, husbands and fathers, and of civilians, many of them elderly, who stayed in their villages.

                The Third Geneva Convention requires prisoners of war to be released and repatriated without delay after the cessation of active hostilities [1]. Civilians may not be held as bargaining chips. Every detained person must be treated humanely, protected from violence, insults and public curiosity, and allowed to write to their family [2].

                Videos circulating online show captured soldiers and civilians being humiliated and ill-treated. These images are not only a violation in themselves; they cause unbearable anguish to families who recognise their relatives in them.

                We, the undersigned organisations, call:

                - on the authorities of Azerbaijan to release all prisoners of war and detained civilians without conditions, and until then to treat them in full compliance with the Geneva Conventions;
                - on the International Committee of the Red Cross to register and visit every detained person, and to inform the families;
                - on the Government of Armenia to keep the families regularly informed and to provide them with legal and psychological support;
                - on the co-chairs of the OSCE Minsk Group, the Council of Europe and the UN human rights mechanisms to make the return of detainees a priority in every contact with the parties.

                The search for the missing and the return of the remains of the dead must continue, with the families informed at every step.

                [1] Geneva Convention relative to the Treatment of Prisoners of War, 1949, article 118, https://example.org/ihl/gc3-article-118
                [2] Homecoming, A guide for families on the rights of detained persons, https://example.org/homecoming/guide
                """
            ),
        ),
        "hy": Text(
            title="Վերադարձրե՛ք նրանց տուն. կոչ՝ վերադարձնելու ռազմագերիներին և պահվող խաղաղ բնակիչներին",
            summary=(
                "2020 թվականի նոյեմբերի 9-ի հրադադարից մեկ ամիս անց 128 կազմակերպություն կոչ է անում "
                "ազատ արձակել Ադրբեջանում պահվող բոլոր ռազմագերիներին և խաղաղ բնակիչներին, մուտք "
                "ապահովել ԿԽՄԿ-ի համար և վերադարձնել զոհվածների աճյունները։"
            ),
            body=md(
                """
                2020 թվականի նոյեմբերի 9-ի եռակողմ հայտարարությունը դադարեցրեց ռազմական գործողությունները Լեռնային Ղարաբաղում և նրա շրջակայքում։ Դրա ութերորդ կետը նախատեսում է ռազմագերիների, այլ պահվող անձանց և զոհվածների մարմինների փոխանակում։ Մեկ ամիս անց Հայաստանում և Լեռնային Ղարաբաղում ընտանիքները դեռ սպասում են լուրերի իրենց որդիների, ամուսինների և հայրերի, ինչպես նաև այն խաղաղ բնակիչների մասին, հիմնականում տարեցներ, ովքեր մնացել էին իրենց գյուղերում։

                Երրորդ Ժնևյան կոնվենցիան պահանջում է, որ ռազմագերիներն ազատ արձակվեն և հայրենադարձվեն ակտիվ ռազմական գործողությունների դադարեցումից հետո անհապաղ [1]։ Խաղաղ բնակիչներին չի կարելի պահել որպես սակարկության միջոց։ Յուրաքանչյուր պահվող անձի հետ պետք է վարվել մարդասիրաբար, պաշտպանել նրան բռնությունից, վիրավորանքներից և հանրային հետաքրքրասիրությունից, և նա պետք է հնարավորություն ունենա նամակ գրելու իր ընտանիքին [2]։

                Համացանցում տարածվող տեսանյութերում երևում է, թե ինչպես են գերեվարված զինվորներն ու խաղաղ բնակիչները ենթարկվում նվաստացման և դաժան վերաբերմունքի։ Այս պատկերներն ոչ միայն ինքնին խախտում են, այլև անտանելի տառապանք են պատճառում ընտանիքներին, որոնք դրանցում ճանաչում են իրենց հարազատներին։

                Մենք՝ ստորագրող կազմակերպություններս, կոչ ենք անում՝

                - Ադրբեջանի իշխանություններին՝ առանց նախապայմանների ազատ արձակել բոլոր ռազմագերիներին և պահվող խաղաղ բնակիչներին, իսկ մինչ այդ նրանց հետ վարվել Ժնևյան կոնվենցիաներին լիովին համապատասխան,
                - Կարմիր խաչի միջազգային կոմիտեին՝ գրանցել և այցելել յուրաքանչյուր պահվող անձի և տեղեկացնել ընտանիքներին,
                - Հայաստանի Կառավարությանը՝ ընտանիքներին պարբերաբար տեղեկացնել և նրանց տրամադրել իրավական և հոգեբանական աջակցություն,
                - ԵԱՀԿ Մինսկի խմբի համանախագահներին, Եվրոպայի խորհրդին և ՄԱԿ-ի մարդու իրավունքների մեխանիզմներին՝ պահվող անձանց վերադարձը դարձնել առաջնահերթություն կողմերի հետ յուրաքանչյուր շփման ժամանակ։

                Անհայտ կորածների որոնումը և զոհվածների աճյունների վերադարձը պետք է շարունակվեն, իսկ ընտանիքները պետք է տեղեկացվեն յուրաքանչյուր քայլի մասին։

                [1] Ռազմագերիների հետ վարվելակերպի մասին Ժնևյան կոնվենցիա, 1949, հոդված 118, https://example.org/ihl/gc3-article-118
                [2] «Վերադարձ» ՀԿ, Ուղեցույց ընտանիքների համար՝ պահվող անձանց իրավունքների մասին, https://example.org/homecoming/guide
                """
            ),
        ),
        "ru": Text(
            title="Верните их домой: призыв к возвращению военнопленных и удерживаемых мирных жителей",
            summary=(
                "Через месяц после прекращения огня 9 ноября 2020 года 128 организаций призывают "
                "освободить всех военнопленных и мирных жителей, удерживаемых в Азербайджане, "
                "обеспечить доступ МККК и вернуть останки погибших."
            ),
            body=md(
                """
                Трёхстороннее заявление от 9 ноября 2020 года прекратило боевые действия в Нагорном Карабахе и вокруг него. Его восьмой пункт предусматривает обмен военнопленными, другими удерживаемыми лицами и телами погибших. Прошёл месяц, а семьи в Армении и Нагорном Карабахе всё ещё ждут вестей о своих сыновьях, мужьях и отцах, а также о мирных жителях, в основном пожилых людях, оставшихся в своих сёлах.

                Третья Женевская конвенция требует освобождать и репатриировать военнопленных без промедления после прекращения активных военных действий [1]. Мирных жителей нельзя удерживать как предмет торга. С каждым удерживаемым лицом необходимо обращаться гуманно, защищать его от насилия, оскорблений и любопытства толпы, и у него должна быть возможность писать своей семье [2].

                На распространяемых в интернете видео пленных солдат и мирных жителей унижают и подвергают жестокому обращению. Эти кадры не только сами по себе являются нарушением — они причиняют невыносимые страдания семьям, узнающим на них своих близких.

                Мы, нижеподписавшиеся организации, призываем:

                - власти Азербайджана — без условий освободить всех военнопленных и удерживаемых мирных жителей, а до тех пор обращаться с ними в полном соответствии с Женевскими конвенциями;
                - Международный комитет Красного Креста — зарегистрировать и посетить каждое удерживаемое лицо и информировать семьи;
                - Правительство Армении — регулярно информировать семьи и оказывать им юридическую и психологическую поддержку;
                - сопредседателей Минской группы ОБСЕ, Совет Европы и правозащитные механизмы ООН — сделать возвращение удерживаемых лиц приоритетом в каждом контакте со сторонами.

                Поиск пропавших без вести и возвращение останков погибших должны продолжаться, а семьи — получать сведения на каждом этапе.

                [1] Женевская конвенция об обращении с военнопленными, 1949, статья 118, https://example.org/ihl/gc3-article-118
                [2] ОО «Возвращение», Памятка для семей о правах удерживаемых лиц, https://example.org/homecoming/guide
                """
            ),
        ),
    },
)

STATEMENTS = [FOUNDING, SEVAN_2019, COVID_2020, CIVILIANS_2020, PRISONERS_2020]
