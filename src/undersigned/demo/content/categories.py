"""The archive's categories, named in the three languages."""

from undersigned.demo.content.spec import CategorySpec

CATEGORIES = [
    CategorySpec("human-rights", "Human rights", "Մարդու իրավունքներ", "Права человека"),
    CategorySpec(
        "peace-and-security",
        "Peace and security",
        "Խաղաղություն և անվտանգություն",
        "Мир и безопасность",
    ),
    CategorySpec("democracy", "Democracy", "Ժողովրդավարություն", "Демократия"),
    CategorySpec("media-freedom", "Media freedom", "Մամուլի ազատություն", "Свобода СМИ"),
    CategorySpec("environment", "Environment", "Շրջակա միջավայր", "Окружающая среда"),
    CategorySpec("womens-rights", "Women's rights", "Կանանց իրավունքներ", "Права женщин"),
    CategorySpec(
        "local-self-government",
        "Local self-government",
        "Տեղական ինքնակառավարում",
        "Местное самоуправление",
    ),
    CategorySpec("announcements", "Announcements", "Հայտարարություններ", "Объявления"),
]
