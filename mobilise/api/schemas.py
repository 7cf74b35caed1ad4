from ninja import Schema


class Error(Schema):
    detail: str


class OrganisationOut(Schema):
    id: str
    name: str


class MeOut(Schema):
    username: str
    role: str
    organisation: OrganisationOut
