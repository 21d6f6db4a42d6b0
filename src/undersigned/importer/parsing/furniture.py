"""Site furniture (menus, share buttons, comment forms, …) and category lines.

Phrase tables, kept apart from the parsing itself: a line that matches one is dropped."""

import datetime
import re

from undersigned.importer.parsing.text import _LETTER, _date_line, _ends_sentence, _words

# ---------------------------------------------------------------------------------------------
# Site furniture: whole lines (at most 16 words) matched case-insensitively
# ---------------------------------------------------------------------------------------------

_SHARE = [
    r"share(?: (?:this|it|on|via|to|with)(?: (?:post|page|article|story|statement|facebook|"
    r"twitter|telegram|linkedin|whatsapp|e-?mail|friends?|a friend))?)?",
    r"(?:share|send|e-?mail) this(?: (?:post|page|article|story|statement))?(?: to a friend)?",
    r"send this to a friend",
    r"like this",  # Jetpack's like button, and its text while the script loads
    r"(?:like )?loading(?:\.\.\.|…)?",
    r"tweet(?: this)?",
    r"print(?: this)?(?: page| article| post)?",
    r"copy (?:the )?link",
    r"(?:(?:facebook|twitter|x|telegram|whatsapp|viber|linkedin|vk|vkontakte|odnoklassniki|"
    r"pinterest|reddit|e-?mail|messenger|print)\s*[,|·•/]?\s*)+",
    r"поделиться.{0,40}",
    r"отправить другу",
    r"կիսվել.{0,40}",
    r"տարածել",
]
_VIEWS = [
    r"(?:views?|просмотр(?:ов|ы|а)?|դիտում(?:ներ|ների)?(?: քանակ)?|դիտել են)\s*[:\u0589]?\s*"
    r"[0-9][0-9 ,.]*",
    r"[0-9][0-9 ,.]*\s*(?:views?|просмотр(?:ов|а)?|դիտում(?:ներ)?)",
]
_COMMENT_FORM = [
    r"(?:name|e-?mail|website|comment)\s*\*?",
    r"post comment",
    r"submit",
    r"save my name,? e-?mail,? and website.*",
    r"(?:имя|сайт|комментарий)\s*\*?",
    r"отправить(?: комментарий)?",
    r"(?:անուն|էլ\.? ?փոստ|կայք)\s*\*?",
]
_NEWSLETTER = [
    r"subscribe(?: to (?:our|the) (?:newsletter|mailing list|updates))?",
    r"(?:our )?newsletter",
    r"sign up(?: for (?:our|the) newsletter)?",
    r"(?:enter |type )?your e-?mail(?: address)?(?: here)?\s*\*?",
    r"e-?mail address\s*\*?",
    r"get (?:the )?latest (?:news|updates).{0,40}",
    r"stay (?:informed|updated|in touch).{0,40}",
    r"подпис(?:аться|ка)(?: на (?:рассылку|новости|обновления))?",
    r"рассылка",
    r"введите (?:ваш )?e-?mail.{0,30}",
    r"բաժանորդագր[^\s]*(?: .{0,40})?",
    r"տեղեկագիր",
]
_NAVIGATION = [
    r"home",
    r"(?:main )?menu",
    r"skip to (?:main )?content",
    r"toggle navigation",
    r"search(?: for)?(?: ?(?:\.\.\.|…))?",
    r"read more",
    r"continue reading.{0,80}",
    r"read the full (?:statement|text|article)",
    r"(?:previous|next)(?: (?:post|article|entry|page))?",
    r"(?:older|newer) (?:posts|entries)",
    r"load more",
    r"all (?:news|posts|statements)",
    r"page [0-9]+(?: of [0-9]+)?",
    r"(?:[0-9]+\s*){1,12}(?:next|»|›)?",
    r"(?:home|главная|գլխավոր)\s*[»>/›].{0,200}",
    r"главная|меню|поиск|подробнее|все новости",
    r"читать (?:далее|полностью|еще|ещё)",
    r"(?:предыдущая|следующая)(?: запись)?",
    r"գլխավոր(?: էջ)?|մենյու|ընտրացանկ|որոնում|կարդալ ավելին|ավելին",
    r"(?:նախորդ|հաջորդ)(?: (?:նյութ|էջ|հրապարակում))?",
]
_BYLINE = [
    r"(?:posted |written |published )?by\s+[^\s,.]+(?:\s+[^\s,.]+){0,3}",
    r"author\s*[:\u0589]\s*.{1,40}",
    r"автор\s*[:\u0589]?\s*.{1,40}",
    r"հեղինակ\s*[:\u0589՝]?\s*.{1,40}",
    r"(?:tags?|tagged(?: with)?|метки|теги|պիտակներ)\s*[:\u0589]?\s*.{0,200}",
]
_ACCESSIBILITY = [
    r"font(?: size| family)?",
    r"(?:text|font) size",
    r"a\s*a\s*a",
    r"a[-+]\s*a\s*a[-+]",
    r"(?:arial|verdana|tahoma|times(?: new roman)?|georgia|helvetica|sans-serif|serif)"
    r"(?:[\s,]+(?:arial|verdana|tahoma|times(?: new roman)?|georgia|helvetica|sans-serif|serif))+",
    r"thickness",
    r"(?:regular|light|bold|normal)(?:\s+(?:regular|light|bold|normal))+",
    r"(?:letter |line |word )?spacing",
    r"line height",
    r"(?:[0-9]+\s*px\s*)+",
    r"colou?r scheme",
    r"(?:background|text|link) colou?r",
    r"(?:high |low )?contrast",
    r"(?:white|black|blue|yellow|beige|brown|green) on (?:a )?(?:white|black|blue|yellow|beige|"
    r"brown|green)(?: background)?(?:\s+.{0,80})?",
    r"accessibility(?: (?:menu|tools|options|settings|panel))?",
    r"version for (?:the )?visually impaired",
    r"select the relevant connection",
    r"reset(?: settings| all)?",
    r"(?:hide |show )?images?(?: on| off)?",
    r"версия для слабовидящих",
    r"(?:размер )?шрифта?",
    r"интервал(?: между (?:буквами|строками))?",
    r"цветовая схема|цвет (?:фона|текста)|изображения",
    r"տառաչափ|տառատեսակ|գունային (?:սխեմա|գամմա)",
    r"տեսողության .{0,60}",
]
_COOKIES = [
    r"(?:this|our) (?:web)?site uses cookies.{0,200}",
    r"we use cookies.{0,200}",
    r"accept(?: all)?(?: cookies)?",
    r"cookie (?:policy|settings)",
    r"privacy policy",
    r"terms (?:of use|and conditions)",
]
# After the body has begun, these lines start the comments, related posts or page footer:
# they and everything below them are dropped.
_COMMENTS = [
    r"leave a (?:reply|comment)(?: to .{1,80})?",
    r"(?:post|add|write) (?:a )?comment",
    r"(?:[0-9]+|no) comments?(?: yet)?",
    r"comments?(?: \([0-9]+\))?",
    r"your e-?mail(?: address)? will not be published.*",
    r"required fields are marked.*",
    r"you must be logged in to post a comment.*",
    r"cancel reply",
    r"(?:добавить|оставить|оставьте) комментарий",
    r"комментари(?:и|ев)(?: \([0-9]+\))?",
    r"ваш (?:адрес )?e-?mail не будет опубликован.*",
    r"обязательные поля помечены.*",
    r"թողնել (?:պատասխան|մեկնաբանություն)",
    r"մեկնաբանություն(?:ներ)?",
    r"ձեր էլ\.? ?(?:փոստի )?հասցեն (?:չի|չեն) հրապարակվ.*",
    r"պարտադիր դաշտերը.*",
]
_RELATED = [
    r"related (?:posts|articles|news|stories|statements)",
    r"you (?:may|might) also (?:like|be interested in).{0,40}",
    r"more (?:news|posts|statements|from this category)",
    r"see also|read also",
    r"похожие (?:записи|статьи|новости|материалы)",
    r"(?:читайте|смотрите) также",
    r"другие (?:новости|материалы|заявления)",
    r"(?:նմանատիպ|առնչվող) (?:նյութեր|հրապարակումներ)",
    r"կարդացեք նաև",
    r"այլ (?:նորություններ|նյութեր)",
]
_BACK = [
    r"back(?: to (?:all )?(?:news|posts|articles|statements|announcements|the list|list|home|"
    r"top))?",
    r"(?:return|go back) to .{1,40}",
    r"назад(?: к (?:списку|новостям|всем новостям|заявлениям))?",
    r"вернуться.{0,40}",
    r"վերադառնալ.{0,40}",
    r"հետ",
    r"բոլոր (?:նորությունները|հայտարարությունները)",
]
_FOOTER = [
    r"(?:©|\(c\)|copyright)\s*.{0,80}",
    r".{0,60}all rights reserved\.?.{0,40}",
    r"powered by .{1,40}",
    r".{0,60}все права защищены.{0,40}",
    r".{0,60}բոլոր իրավունքները պաշտպանված են.{0,40}",
]


def _line_pattern(patterns: list[str]) -> re.Pattern:
    # Allow decoration around the phrase: arrows, bullets, colons, stars, trailing full stops.
    return re.compile(
        r"^[\s«‹←<\-–—•*]*(?:" + "|".join(patterns) + r")[\s:\u0589.!»›→>\-–—*]*$",
        re.IGNORECASE,
    )


_FURNITURE = _line_pattern(
    _SHARE
    + _VIEWS
    + _COMMENT_FORM
    + _NEWSLETTER
    + _NAVIGATION
    + _BYLINE
    + _ACCESSIBILITY
    + _COOKIES
)
_TAIL = _line_pattern(_COMMENTS + _RELATED + _BACK + _FOOTER)
_FURNITURE_MAX_WORDS = 16
_SOURCES_HEADING = re.compile(
    r"^(?:sources?|references?|footnotes?|notes?|источники|ссылки|сноски|примечания|"
    r"աղբյուրներ|ծանոթագրություններ|հղումներ)\s*[:\u0589]?$",
    re.IGNORECASE,
)


def _is_furniture(text: str) -> bool:
    return _words(text) <= _FURNITURE_MAX_WORDS and bool(_FURNITURE.match(text))


def _is_tail(text: str) -> bool:
    return _words(text) <= _FURNITURE_MAX_WORDS and bool(_TAIL.match(text))


# ---------------------------------------------------------------------------------------------
# Categories
# ---------------------------------------------------------------------------------------------

_CATEGORY_LABEL = re.compile(
    r"^(?:categor(?:y|ies)|posted in|filed under|published in|рубрик[аи]|категори[яи]|раздел|"
    r"բաժին|բաժիններ|կատեգորիա|կատեգորիաներ)\s*[:\u0589]?\s+(?P<rest>\S.*)$",
    re.IGNORECASE,
)


def _meta_line(text: str) -> tuple[list[str], datetime.date | None] | None:
    """Return (categories, date) if the line is a category line such as "News | Rights"."""
    labelled = _CATEGORY_LABEL.match(text)
    if labelled:
        parts = re.split(r"\s*[,|]\s*", labelled.group("rest"))
    elif "|" in text:
        parts = text.split("|")
    else:
        return None
    categories: list[str] = []
    date = None
    for part in (p.strip(" ·•/") for p in parts):
        if not part or _is_furniture(part):
            continue
        if (part_date := _date_line(part)) is not None:
            date = date or part_date
            continue
        if _words(part) > 5 or _ends_sentence(part) or not _LETTER.search(part):
            return None
        categories.append(part)
    if not categories and date is None:
        return None
    if not labelled and len(parts) < 2:
        return None
    return categories, date
