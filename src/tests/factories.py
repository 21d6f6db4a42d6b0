"""Factories for the domain models, registered as fixtures in conftest.py."""

import factory
from django.utils import timezone

from undersigned.organizations.models import Membership, Organization, OrganizationAlias
from undersigned.signatures.models import Signatory
from undersigned.statements.models import Category, Statement, StatementTranslation


class OrganizationFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Organization

    name = factory.Sequence(lambda n: f"Civic Initiative Number {n}")
    slug = factory.Sequence(lambda n: f"civic-initiative-{n}")
    kind = Organization.Kind.NGO
    city = "Yerevan"


class AliasFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = OrganizationAlias

    organization = factory.SubFactory(OrganizationFactory)
    name = factory.Sequence(lambda n: f"Alias {n}")
    language = "en"


class MembershipFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Membership

    network = factory.SubFactory(OrganizationFactory, kind=Organization.Kind.NETWORK)
    member = factory.SubFactory(OrganizationFactory)


class CategoryFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Category

    slug = factory.Sequence(lambda n: f"category-{n}")
    name_en = factory.Sequence(lambda n: f"Category {n}")
    name_hy = factory.Sequence(lambda n: f"Կատեգորիա {n}")
    name_ru = factory.Sequence(lambda n: f"Категория {n}")


class StatementFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Statement
        skip_postgeneration_save = True

    slug = factory.Sequence(lambda n: f"statement-{n}")
    status = Statement.Status.PUBLISHED
    published_at = factory.LazyFunction(timezone.now)

    @factory.post_generation
    def translation(self, create, extracted, **kwargs):
        """Give every statement an English text unless told otherwise (translation=False)."""
        if not create or extracted is False:
            return
        StatementTranslationFactory(statement=self, language="en", **kwargs)


class StatementTranslationFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = StatementTranslation

    statement = factory.SubFactory(StatementFactory, translation=False)
    language = "en"
    title = factory.Sequence(lambda n: f"Statement on civic space number {n}")
    body = "We, the undersigned organisations, call for the protection of civic space."


class SignatoryFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Signatory

    statement = factory.SubFactory(StatementFactory)
    organization = factory.SubFactory(OrganizationFactory)


def coordinator_create(username: str = "coordinator", email: str = "", **fields):
    """A staff account in the Coordinator group, as an administrator makes one."""
    from django.contrib.auth import get_user_model
    from django.contrib.auth.models import Group

    from undersigned.staff.roles import COORDINATOR_GROUP

    user = get_user_model().objects.create_user(username, email, is_staff=True, **fields)
    user.groups.add(Group.objects.get(name=COORDINATOR_GROUP))
    return user
