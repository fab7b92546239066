/// docs/openapi.yaml, embedded so the binary serves it without a resource bundle. Keep the two
/// identical: `OpenAPITests` compares them byte for byte.
enum OpenAPIDocument {
    static let yaml = #"""
openapi: 3.0.3
info:
  title: Dibao Ledger API
  version: "1"
  description: |
    Casework for social assistance (低保, 特困, 临时救助) over an event-sourced ledger.
    Every /v1 route needs `Authorization: Bearer <token>` (JWT HS256, `dibao tokens issue`).
    Every POST needs `Idempotency-Key: <uuid>`: the command id; a retry with the same key and
    body returns the first result and writes nothing; the same key with another body is 409.
    Money is integer fen; fractional or negative amounts are refused (400).
    Errors are `{"error": {"code", "message", "field"?}}`; see docs/reference/http-api.md.
security:
  - bearer: []
paths:
  /health:
    get:
      summary: "The process answers."
      security: []
      responses:
        "200": {description: ok}
  /ready:
    get:
      summary: "Database, migrations and projections are ready."
      security: []
      responses:
        "200": {description: ready}
        "503": {description: not ready, naming the failing check}
  /metrics:
    get:
      summary: "Prometheus text."
      security: []
      responses:
        "200": {description: metrics}
  /openapi.yaml:
    get:
      summary: "This document."
      security: []
      responses:
        "200": {description: the OpenAPI document}
  /v1/cases:
    post:
      summary: "申请 submit an application; the server assigns the case id `<villageCode>-<Idempotency-Key>`."
      description: Role caseworker; the village must lie inside the token's jurisdiction.
      parameters:
        - $ref: "#/components/parameters/IdempotencyKey"
      requestBody:
        required: true
        content:
          application/json:
            schema: {$ref: "#/components/schemas/Application"}
      responses:
        "201": {$ref: "#/components/responses/Outcome"}
        "200": {$ref: "#/components/responses/Outcome"}
        "400": {$ref: "#/components/responses/Error"}
        "401": {$ref: "#/components/responses/Error"}
        "403": {$ref: "#/components/responses/Error"}
        "409": {$ref: "#/components/responses/Error"}
        "422": {$ref: "#/components/responses/Error"}
        "503": {$ref: "#/components/responses/Error"}
  /v1/cases/{id}:
    get:
      summary: "The case now, with overdue flags as of today (China Standard Time)."
      description: Every role may read, inside its jurisdiction.
      parameters:
        - $ref: "#/components/parameters/CaseId"
      responses:
        "200":
          description: the case
          content:
            application/json:
              schema: {$ref: "#/components/schemas/Case"}
        "401": {$ref: "#/components/responses/Error"}
        "403": {$ref: "#/components/responses/Error"}
        "404": {$ref: "#/components/responses/Error"}
        "503": {$ref: "#/components/responses/Error"}
  /v1/cases/{id}/verification:
    post:
      summary: "家庭经济状况核对 record the household economic verification (verifiedBy is the token's actor)"
      description: Role caseworker.
      parameters:
        - $ref: "#/components/parameters/CaseId"
        - $ref: "#/components/parameters/IdempotencyKey"
      requestBody:
        required: true
        content:
          application/json:
            schema: {$ref: "#/components/schemas/Verification"}
      responses:
        "200": {$ref: "#/components/responses/Outcome"}
        "400": {$ref: "#/components/responses/Error"}
        "401": {$ref: "#/components/responses/Error"}
        "403": {$ref: "#/components/responses/Error"}
        "404": {$ref: "#/components/responses/Error"}
        "409": {$ref: "#/components/responses/Error"}
        "422": {$ref: "#/components/responses/Error"}
        "503": {$ref: "#/components/responses/Error"}
  /v1/cases/{id}/home-visits:
    post:
      summary: "入户调查 record a home visit"
      description: Role caseworker.
      parameters:
        - $ref: "#/components/parameters/CaseId"
        - $ref: "#/components/parameters/IdempotencyKey"
      requestBody:
        required: true
        content:
          application/json:
            schema: {$ref: "#/components/schemas/HomeVisit"}
      responses:
        "200": {$ref: "#/components/responses/Outcome"}
        "400": {$ref: "#/components/responses/Error"}
        "401": {$ref: "#/components/responses/Error"}
        "403": {$ref: "#/components/responses/Error"}
        "404": {$ref: "#/components/responses/Error"}
        "409": {$ref: "#/components/responses/Error"}
        "422": {$ref: "#/components/responses/Error"}
        "503": {$ref: "#/components/responses/Error"}
  /v1/cases/{id}/appraisals:
    post:
      summary: "民主评议 record the village democratic appraisal (recordedBy is the token's actor)"
      description: Role caseworker.
      parameters:
        - $ref: "#/components/parameters/CaseId"
        - $ref: "#/components/parameters/IdempotencyKey"
      requestBody:
        required: true
        content:
          application/json:
            schema: {$ref: "#/components/schemas/Appraisal"}
      responses:
        "200": {$ref: "#/components/responses/Outcome"}
        "400": {$ref: "#/components/responses/Error"}
        "401": {$ref: "#/components/responses/Error"}
        "403": {$ref: "#/components/responses/Error"}
        "404": {$ref: "#/components/responses/Error"}
        "409": {$ref: "#/components/responses/Error"}
        "422": {$ref: "#/components/responses/Error"}
        "503": {$ref: "#/components/responses/Error"}
  /v1/cases/{id}/notices:
    post:
      summary: "公示 post the public notice"
      description: Role caseworker.
      parameters:
        - $ref: "#/components/parameters/CaseId"
        - $ref: "#/components/parameters/IdempotencyKey"
      requestBody:
        required: true
        content:
          application/json:
            schema: {$ref: "#/components/schemas/Notice"}
      responses:
        "200": {$ref: "#/components/responses/Outcome"}
        "400": {$ref: "#/components/responses/Error"}
        "401": {$ref: "#/components/responses/Error"}
        "403": {$ref: "#/components/responses/Error"}
        "404": {$ref: "#/components/responses/Error"}
        "409": {$ref: "#/components/responses/Error"}
        "422": {$ref: "#/components/responses/Error"}
        "503": {$ref: "#/components/responses/Error"}
  /v1/cases/{id}/objections:
    post:
      summary: "公示异议 raise an objection against the notice"
      description: Role caseworker.
      parameters:
        - $ref: "#/components/parameters/CaseId"
        - $ref: "#/components/parameters/IdempotencyKey"
      requestBody:
        required: true
        content:
          application/json:
            schema: {$ref: "#/components/schemas/Objection"}
      responses:
        "200": {$ref: "#/components/responses/Outcome"}
        "400": {$ref: "#/components/responses/Error"}
        "401": {$ref: "#/components/responses/Error"}
        "403": {$ref: "#/components/responses/Error"}
        "404": {$ref: "#/components/responses/Error"}
        "409": {$ref: "#/components/responses/Error"}
        "422": {$ref: "#/components/responses/Error"}
        "503": {$ref: "#/components/responses/Error"}
  /v1/cases/{id}/review:
    post:
      summary: "审核 review the case, proposing an amount (or the formula's)"
      description: Role caseworker.
      parameters:
        - $ref: "#/components/parameters/CaseId"
        - $ref: "#/components/parameters/IdempotencyKey"
      requestBody:
        required: true
        content:
          application/json:
            schema: {$ref: "#/components/schemas/Review"}
      responses:
        "200": {$ref: "#/components/responses/Outcome"}
        "400": {$ref: "#/components/responses/Error"}
        "401": {$ref: "#/components/responses/Error"}
        "403": {$ref: "#/components/responses/Error"}
        "404": {$ref: "#/components/responses/Error"}
        "409": {$ref: "#/components/responses/Error"}
        "422": {$ref: "#/components/responses/Error"}
        "503": {$ref: "#/components/responses/Error"}
  /v1/cases/{id}/approval:
    post:
      summary: "审批 approve the case at the actor's level"
      description: Role approver.
      parameters:
        - $ref: "#/components/parameters/CaseId"
        - $ref: "#/components/parameters/IdempotencyKey"
      requestBody:
        required: true
        content:
          application/json:
            schema: {$ref: "#/components/schemas/Dated"}
      responses:
        "200": {$ref: "#/components/responses/Outcome"}
        "400": {$ref: "#/components/responses/Error"}
        "401": {$ref: "#/components/responses/Error"}
        "403": {$ref: "#/components/responses/Error"}
        "404": {$ref: "#/components/responses/Error"}
        "409": {$ref: "#/components/responses/Error"}
        "422": {$ref: "#/components/responses/Error"}
        "503": {$ref: "#/components/responses/Error"}
  /v1/cases/{id}/rejection:
    post:
      summary: "不予批准 reject the application"
      description: Role approver.
      parameters:
        - $ref: "#/components/parameters/CaseId"
        - $ref: "#/components/parameters/IdempotencyKey"
      requestBody:
        required: true
        content:
          application/json:
            schema: {$ref: "#/components/schemas/Rejection"}
      responses:
        "200": {$ref: "#/components/responses/Outcome"}
        "400": {$ref: "#/components/responses/Error"}
        "401": {$ref: "#/components/responses/Error"}
        "403": {$ref: "#/components/responses/Error"}
        "404": {$ref: "#/components/responses/Error"}
        "409": {$ref: "#/components/responses/Error"}
        "422": {$ref: "#/components/responses/Error"}
        "503": {$ref: "#/components/responses/Error"}
  /v1/cases/{id}/adjustments:
    post:
      summary: "调整 adjust the monthly amount from a month"
      description: Role approver.
      parameters:
        - $ref: "#/components/parameters/CaseId"
        - $ref: "#/components/parameters/IdempotencyKey"
      requestBody:
        required: true
        content:
          application/json:
            schema: {$ref: "#/components/schemas/Adjustment"}
      responses:
        "200": {$ref: "#/components/responses/Outcome"}
        "400": {$ref: "#/components/responses/Error"}
        "401": {$ref: "#/components/responses/Error"}
        "403": {$ref: "#/components/responses/Error"}
        "404": {$ref: "#/components/responses/Error"}
        "409": {$ref: "#/components/responses/Error"}
        "422": {$ref: "#/components/responses/Error"}
        "503": {$ref: "#/components/responses/Error"}
  /v1/cases/{id}/rechecks:
    post:
      summary: "定期核查 record a periodic re-check with verified incomes"
      description: Role caseworker.
      parameters:
        - $ref: "#/components/parameters/CaseId"
        - $ref: "#/components/parameters/IdempotencyKey"
      requestBody:
        required: true
        content:
          application/json:
            schema: {$ref: "#/components/schemas/Recheck"}
      responses:
        "200": {$ref: "#/components/responses/Outcome"}
        "400": {$ref: "#/components/responses/Error"}
        "401": {$ref: "#/components/responses/Error"}
        "403": {$ref: "#/components/responses/Error"}
        "404": {$ref: "#/components/responses/Error"}
        "409": {$ref: "#/components/responses/Error"}
        "422": {$ref: "#/components/responses/Error"}
        "503": {$ref: "#/components/responses/Error"}
  /v1/cases/{id}/tapering-completion:
    post:
      summary: "渐退期 end a tapering that ran its length: the case exits"
      description: Role approver.
      parameters:
        - $ref: "#/components/parameters/CaseId"
        - $ref: "#/components/parameters/IdempotencyKey"
      requestBody:
        required: true
        content:
          application/json:
            schema: {$ref: "#/components/schemas/Dated"}
      responses:
        "200": {$ref: "#/components/responses/Outcome"}
        "400": {$ref: "#/components/responses/Error"}
        "401": {$ref: "#/components/responses/Error"}
        "403": {$ref: "#/components/responses/Error"}
        "404": {$ref: "#/components/responses/Error"}
        "409": {$ref: "#/components/responses/Error"}
        "422": {$ref: "#/components/responses/Error"}
        "503": {$ref: "#/components/responses/Error"}
  /v1/cases/{id}/suspension:
    post:
      summary: "暂停 suspend payments from a month"
      description: Role approver.
      parameters:
        - $ref: "#/components/parameters/CaseId"
        - $ref: "#/components/parameters/IdempotencyKey"
      requestBody:
        required: true
        content:
          application/json:
            schema: {$ref: "#/components/schemas/Suspension"}
      responses:
        "200": {$ref: "#/components/responses/Outcome"}
        "400": {$ref: "#/components/responses/Error"}
        "401": {$ref: "#/components/responses/Error"}
        "403": {$ref: "#/components/responses/Error"}
        "404": {$ref: "#/components/responses/Error"}
        "409": {$ref: "#/components/responses/Error"}
        "422": {$ref: "#/components/responses/Error"}
        "503": {$ref: "#/components/responses/Error"}
  /v1/cases/{id}/resumption:
    post:
      summary: "恢复 resume payments from a month"
      description: Role approver.
      parameters:
        - $ref: "#/components/parameters/CaseId"
        - $ref: "#/components/parameters/IdempotencyKey"
      requestBody:
        required: true
        content:
          application/json:
            schema: {$ref: "#/components/schemas/Resumption"}
      responses:
        "200": {$ref: "#/components/responses/Outcome"}
        "400": {$ref: "#/components/responses/Error"}
        "401": {$ref: "#/components/responses/Error"}
        "403": {$ref: "#/components/responses/Error"}
        "404": {$ref: "#/components/responses/Error"}
        "409": {$ref: "#/components/responses/Error"}
        "422": {$ref: "#/components/responses/Error"}
        "503": {$ref: "#/components/responses/Error"}
  /v1/cases/{id}/exit:
    post:
      summary: "退出 exit the case"
      description: Role approver.
      parameters:
        - $ref: "#/components/parameters/CaseId"
        - $ref: "#/components/parameters/IdempotencyKey"
      requestBody:
        required: true
        content:
          application/json:
            schema: {$ref: "#/components/schemas/Exit"}
      responses:
        "200": {$ref: "#/components/responses/Outcome"}
        "400": {$ref: "#/components/responses/Error"}
        "401": {$ref: "#/components/responses/Error"}
        "403": {$ref: "#/components/responses/Error"}
        "404": {$ref: "#/components/responses/Error"}
        "409": {$ref: "#/components/responses/Error"}
        "422": {$ref: "#/components/responses/Error"}
        "503": {$ref: "#/components/responses/Error"}
  /v1/cases/{id}/corrections:
    post:
      summary: "更正 correct an earlier event (never overwrites it)"
      description: Role approver.
      parameters:
        - $ref: "#/components/parameters/CaseId"
        - $ref: "#/components/parameters/IdempotencyKey"
      requestBody:
        required: true
        content:
          application/json:
            schema: {$ref: "#/components/schemas/Correction"}
      responses:
        "200": {$ref: "#/components/responses/Outcome"}
        "400": {$ref: "#/components/responses/Error"}
        "401": {$ref: "#/components/responses/Error"}
        "403": {$ref: "#/components/responses/Error"}
        "404": {$ref: "#/components/responses/Error"}
        "409": {$ref: "#/components/responses/Error"}
        "422": {$ref: "#/components/responses/Error"}
        "503": {$ref: "#/components/responses/Error"}
  /v1/cases/{id}/emergency-assistance:
    post:
      summary: "急难型临时救助 pay emergency assistance first"
      description: Role approver.
      parameters:
        - $ref: "#/components/parameters/CaseId"
        - $ref: "#/components/parameters/IdempotencyKey"
      requestBody:
        required: true
        content:
          application/json:
            schema: {$ref: "#/components/schemas/EmergencyAssistance"}
      responses:
        "200": {$ref: "#/components/responses/Outcome"}
        "400": {$ref: "#/components/responses/Error"}
        "401": {$ref: "#/components/responses/Error"}
        "403": {$ref: "#/components/responses/Error"}
        "404": {$ref: "#/components/responses/Error"}
        "409": {$ref: "#/components/responses/Error"}
        "422": {$ref: "#/components/responses/Error"}
        "503": {$ref: "#/components/responses/Error"}
  /v1/cases/{id}/emergency-explanation:
    post:
      summary: "事后补充说明 explain an emergency payment afterwards"
      description: Role caseworker.
      parameters:
        - $ref: "#/components/parameters/CaseId"
        - $ref: "#/components/parameters/IdempotencyKey"
      requestBody:
        required: true
        content:
          application/json:
            schema: {$ref: "#/components/schemas/EmergencyExplanation"}
      responses:
        "200": {$ref: "#/components/responses/Outcome"}
        "400": {$ref: "#/components/responses/Error"}
        "401": {$ref: "#/components/responses/Error"}
        "403": {$ref: "#/components/responses/Error"}
        "404": {$ref: "#/components/responses/Error"}
        "409": {$ref: "#/components/responses/Error"}
        "422": {$ref: "#/components/responses/Error"}
        "503": {$ref: "#/components/responses/Error"}
  /v1/cases/{id}/expenditure-approval:
    post:
      summary: "支出型临时救助 approve expenditure assistance, paid in stages"
      description: Role approver.
      parameters:
        - $ref: "#/components/parameters/CaseId"
        - $ref: "#/components/parameters/IdempotencyKey"
      requestBody:
        required: true
        content:
          application/json:
            schema: {$ref: "#/components/schemas/ExpenditureApproval"}
      responses:
        "200": {$ref: "#/components/responses/Outcome"}
        "400": {$ref: "#/components/responses/Error"}
        "401": {$ref: "#/components/responses/Error"}
        "403": {$ref: "#/components/responses/Error"}
        "404": {$ref: "#/components/responses/Error"}
        "409": {$ref: "#/components/responses/Error"}
        "422": {$ref: "#/components/responses/Error"}
        "503": {$ref: "#/components/responses/Error"}
  /v1/cases/{id}/stages:
    post:
      summary: "分阶段救助 pay one stage of approved expenditure assistance"
      description: Role caseworker.
      parameters:
        - $ref: "#/components/parameters/CaseId"
        - $ref: "#/components/parameters/IdempotencyKey"
      requestBody:
        required: true
        content:
          application/json:
            schema: {$ref: "#/components/schemas/Stage"}
      responses:
        "200": {$ref: "#/components/responses/Outcome"}
        "400": {$ref: "#/components/responses/Error"}
        "401": {$ref: "#/components/responses/Error"}
        "403": {$ref: "#/components/responses/Error"}
        "404": {$ref: "#/components/responses/Error"}
        "409": {$ref: "#/components/responses/Error"}
        "422": {$ref: "#/components/responses/Error"}
        "503": {$ref: "#/components/responses/Error"}
  /v1/caseload:
    get:
      summary: "在保对象统计 the caseload rolled up from the jurisdiction down to a level, now or as of a date"
      description: |
        Every role may read, for a jurisdiction inside the token's. Read from the caseload
        projection: households, persons and monthly amount (fen) per region, programme and status
        (active 在保, tapering 渐退期, suspended 暂停). JSON by default; CSV (UTF-8 with a BOM, an
        attachment) with `format=csv` or `Accept: text/csv`. Writes nothing.
      parameters:
        - {name: jurisdiction, in: query, required: true, schema: {$ref: "#/components/schemas/RegionCode"}}
        - {name: level, in: query, required: false, description: the lowest level rolled up to, at or below the jurisdiction's own (default village), schema: {type: string, enum: [village, township, county, prefecture, province]}}
        - {name: asOf, in: query, required: false, description: the caseload as of the end of this date by effective dates; absent for the current caseload, schema: {$ref: "#/components/schemas/Date"}}
        - $ref: "#/components/parameters/ReportFormat"
      responses:
        "200":
          description: the rollup
          content:
            application/json:
              schema: {$ref: "#/components/schemas/CaseloadRollup"}
            text/csv:
              schema: {type: string, description: "CaseloadCSV.rollup: BOM, CRLF, bilingual header, money in yuan"}
        "400": {$ref: "#/components/responses/Error"}
        "401": {$ref: "#/components/responses/Error"}
        "403": {$ref: "#/components/responses/Error"}
        "503": {$ref: "#/components/responses/Error"}
  /v1/reports/monthly:
    get:
      summary: "民政统计月报 the caseload figures of a month beside the previous month (上期) and the change (环比)"
      description: |
        Every role may read, for a jurisdiction inside the token's. JSON by default; CSV with
        `format=csv` or `Accept: text/csv`. Writes nothing.
      parameters:
        - {name: jurisdiction, in: query, required: true, schema: {$ref: "#/components/schemas/RegionCode"}}
        - {name: month, in: query, required: true, schema: {$ref: "#/components/schemas/Month"}}
        - $ref: "#/components/parameters/ReportFormat"
      responses:
        "200":
          description: the month's statistics
          content:
            application/json:
              schema: {$ref: "#/components/schemas/MonthlyStatistics"}
            text/csv:
              schema: {type: string, description: "CaseloadCSV.monthly: BOM, CRLF, bilingual header, money in yuan"}
        "400": {$ref: "#/components/responses/Error"}
        "401": {$ref: "#/components/responses/Error"}
        "403": {$ref: "#/components/responses/Error"}
        "503": {$ref: "#/components/responses/Error"}
components:
  securitySchemes:
    bearer: {type: http, scheme: bearer, bearerFormat: JWT}
  parameters:
    CaseId: {name: id, in: path, required: true, schema: {type: string}}
    IdempotencyKey: {name: Idempotency-Key, in: header, required: true, schema: {type: string, format: uuid}}
    ReportFormat: {name: format, in: query, required: false, description: "json or csv; when absent, CSV if Accept names text/csv before any JSON type", schema: {type: string, enum: [json, csv]}}
  responses:
    Outcome:
      description: the command's events and the case afterwards (replayed true for a retry)
      content:
        application/json:
          schema:
            type: object
            required: [caseId, version, replayed, events, case]
            properties:
              caseId: {type: string}
              version: {type: integer}
              replayed: {type: boolean}
              events: {type: array, items: {type: string}}
              case: {$ref: "#/components/schemas/Case"}
    Error:
      description: an error
      content:
        application/json:
          schema:
            type: object
            required: [error]
            properties:
              error:
                type: object
                required: [code, message]
                properties:
                  code: {type: string}
                  message: {type: string}
                  field: {type: string}
  schemas:
    Date: {type: string, pattern: "^[0-9]{4}-[0-9]{2}-[0-9]{2}$"}
    Month: {type: string, pattern: "^[0-9]{4}-[0-9]{2}$"}
    Fen: {type: integer, format: int64, minimum: 0, description: integer fen (分)}
    RegionCode: {type: string, pattern: "^[0-9]{6}([0-9]{3}([0-9]{3})?)?$"}
    Income:
      type: object
      required: [kind, monthlyFen]
      properties:
        kind: {type: string}
        monthlyFen: {$ref: "#/components/schemas/Fen"}
        obligorReceivesAssistance: {type: boolean}
    Deduction:
      type: object
      required: [kind, monthlyFen]
      properties:
        kind: {type: string, enum: [illness, disability, schooling, employment_cost]}
        monthlyFen: {$ref: "#/components/schemas/Fen"}
    Member:
      type: object
      required: [idNumber, relation, seriouslyIll, ableToWork]
      properties:
        idNumber: {type: string, description: 18-character resident ID number (ISO 7064 MOD 11-2 check)}
        relation: {type: string, enum: [applicant, spouse, child, parent, grandchild, grandparent, sibling, other]}
        disability: {type: object, properties: {grade: {type: integer}, type: {type: string}}}
        seriouslyIll: {type: boolean}
        ableToWork: {type: boolean}
    Application:
      type: object
      additionalProperties: false
      required: [programme, villageCode, submittedOn, members, incomes, deductions, assets, applicantDeclaresStaffKinship, incomeIrregular]
      properties:
        programme: {type: string, description: "urban_dibao, rural_dibao, tekun_… , temporary_…"}
        villageCode: {$ref: "#/components/schemas/RegionCode"}
        submittedOn: {$ref: "#/components/schemas/Date"}
        members: {type: array, items: {$ref: "#/components/schemas/Member"}}
        incomes: {type: array, items: {$ref: "#/components/schemas/Income"}}
        deductions: {type: array, items: {$ref: "#/components/schemas/Deduction"}}
        assets: {type: array, items: {type: object}}
        applicantDeclaresStaffKinship: {type: boolean}
        incomeIrregular: {type: boolean}
        singlePersonMemberIdNumber: {type: string}
    Verification:
      type: object
      additionalProperties: false
      required: [verifiedOn, incomes, deductions, findings]
      properties:
        verifiedOn: {$ref: "#/components/schemas/Date"}
        incomes: {type: array, items: {$ref: "#/components/schemas/Income"}}
        deductions: {type: array, items: {$ref: "#/components/schemas/Deduction"}}
        findings: {type: string, minLength: 1}
    HomeVisit:
      type: object
      additionalProperties: false
      required: [visitedOn, investigatorIds, level, findings]
      properties:
        visitedOn: {$ref: "#/components/schemas/Date"}
        investigatorIds: {type: array, minItems: 2, items: {type: string}}
        level: {type: string, enum: [township, county]}
        findings: {type: string, minLength: 1}
    Appraisal:
      type: object
      additionalProperties: false
      required: [heldOn, outcome]
      properties:
        heldOn: {$ref: "#/components/schemas/Date"}
        outcome: {type: string, enum: [supported, opposed]}
    Notice:
      type: object
      additionalProperties: false
      required: [postedOn, endsOn]
      properties:
        postedOn: {$ref: "#/components/schemas/Date"}
        endsOn: {$ref: "#/components/schemas/Date"}
    Objection:
      type: object
      additionalProperties: false
      required: [raisedOn, summary]
      properties:
        raisedOn: {$ref: "#/components/schemas/Date"}
        summary: {type: string, minLength: 1}
    Review:
      type: object
      additionalProperties: false
      required: [on]
      properties:
        on: {$ref: "#/components/schemas/Date"}
        proposedMonthlyFen: {$ref: "#/components/schemas/Fen"}
    Dated:
      type: object
      additionalProperties: false
      required: [on]
      properties:
        on: {$ref: "#/components/schemas/Date"}
    Rejection:
      type: object
      additionalProperties: false
      required: [on, reasonCode, reason]
      properties:
        on: {$ref: "#/components/schemas/Date"}
        reasonCode: {type: string, minLength: 1}
        reason: {type: string, minLength: 1}
    Adjustment:
      type: object
      additionalProperties: false
      required: [on, effectiveMonth, newMonthlyFen]
      properties:
        on: {$ref: "#/components/schemas/Date"}
        effectiveMonth: {$ref: "#/components/schemas/Month"}
        newMonthlyFen: {$ref: "#/components/schemas/Fen"}
    Recheck:
      type: object
      additionalProperties: false
      required: [on]
      properties:
        on: {$ref: "#/components/schemas/Date"}
        incomes: {type: array, items: {$ref: "#/components/schemas/Income"}}
        deductions: {type: array, items: {$ref: "#/components/schemas/Deduction"}}
        incomeRiseCause: {type: string, enum: [employment, other]}
        taperingMonths: {type: integer, minimum: 1, maximum: 120}
    Suspension:
      type: object
      additionalProperties: false
      required: [on, fromMonth, reason]
      properties:
        on: {$ref: "#/components/schemas/Date"}
        fromMonth: {$ref: "#/components/schemas/Month"}
        reason: {type: string, minLength: 1}
    Resumption:
      type: object
      additionalProperties: false
      required: [on, fromMonth]
      properties:
        on: {$ref: "#/components/schemas/Date"}
        fromMonth: {$ref: "#/components/schemas/Month"}
    Exit:
      type: object
      additionalProperties: false
      required: [on, reason]
      properties:
        on: {$ref: "#/components/schemas/Date"}
        reason: {type: string, enum: [income_above_standard_after_tapering, death, moved_away, ineligible_at_recheck, ineligible_in_campaign, voluntary_withdrawal]}
        deathDate: {$ref: "#/components/schemas/Date"}
    Correction:
      type: object
      additionalProperties: false
      required: [on, eventId, reason]
      properties:
        on: {$ref: "#/components/schemas/Date"}
        eventId: {type: string, minLength: 1}
        reason: {type: string, minLength: 1}
        correctedMonthlyFen: {$ref: "#/components/schemas/Fen"}
    EmergencyAssistance:
      type: object
      additionalProperties: false
      required: [on, emergencyLocationCode, amountFen]
      properties:
        on: {$ref: "#/components/schemas/Date"}
        emergencyLocationCode: {$ref: "#/components/schemas/RegionCode"}
        amountFen: {$ref: "#/components/schemas/Fen"}
    EmergencyExplanation:
      type: object
      additionalProperties: false
      required: [on, explanation]
      properties:
        on: {$ref: "#/components/schemas/Date"}
        explanation: {type: string, minLength: 1}
    ExpenditureApproval:
      type: object
      additionalProperties: false
      required: [on, totalFen, plannedStages]
      properties:
        on: {$ref: "#/components/schemas/Date"}
        totalFen: {$ref: "#/components/schemas/Fen"}
        plannedStages: {type: integer, minimum: 1, maximum: 120}
    Stage:
      type: object
      additionalProperties: false
      required: [on, amountFen]
      properties:
        on: {$ref: "#/components/schemas/Date"}
        amountFen: {$ref: "#/components/schemas/Fen"}
    Case:
      type: object
      required: [caseId, version, status, monthlyAmountFen, objectionStage, asOf]
      properties:
        caseId: {type: string}
        version: {type: integer}
        status: {type: string, enum: [not_opened, pending, rejected, active, tapering, suspended, exited]}
        programme: {type: string}
        villageCode: {type: string}
        submittedOn: {type: string}
        householdMembers: {type: array, items: {type: object, properties: {idNumber: {type: string, description: masked}, relation: {type: string}}}}
        monthlyAmountFen: {type: integer}
        objectionStage: {type: string}
        reviewedOn: {type: string}
        approvedOn: {type: string}
        firstBenefitMonth: {type: string}
        rejection: {type: object}
        tapering: {type: object, properties: {startMonth: {type: string}, endMonth: {type: string}}}
        suspendedFromMonth: {type: string}
        exit: {type: object, properties: {reason: {type: string}, effectiveMonth: {type: string}}}
        asOf: {type: string}
        overdue:
          type: object
          nullable: true
          properties:
            decision: {type: boolean}
            recheck: {type: boolean}
            taperingOverrun: {type: boolean}
            explanationsOverdue: {type: integer}
            decisionDueOn: {type: string}
            recheckDueOn: {type: string}
    CaseloadRollup:
      type: object
      required: [jurisdiction, level, asOf, rows]
      properties:
        jurisdiction: {type: string}
        level: {type: string}
        asOf: {type: string, nullable: true, description: null for the current caseload}
        rows: {type: array, items: {$ref: "#/components/schemas/CaseloadRow"}}
    CaseloadRow:
      type: object
      required: [regionCode, level, programme, status, households, persons, monthlyAmountFen]
      properties:
        regionCode: {type: string}
        level: {type: string, enum: [province, prefecture, county, township, village]}
        programme: {type: string, enum: [urban_dibao, rural_dibao, tekun_centralised, tekun_dispersed]}
        status: {type: string, enum: [active, tapering, suspended]}
        households: {type: integer}
        persons: {type: integer}
        monthlyAmountFen: {type: integer}
    MonthlyStatistics:
      type: object
      required: [jurisdiction, month, previousMonth, programmes, temporaryAssistance]
      properties:
        jurisdiction: {type: string}
        month: {type: string}
        previousMonth: {type: string}
        programmes:
          type: array
          items:
            type: object
            required: [programme, current, previous, change]
            properties:
              programme: {type: string, enum: [urban_dibao, rural_dibao, tekun_centralised, tekun_dispersed]}
              current: {$ref: "#/components/schemas/ProgrammeMonthFigures"}
              previous: {$ref: "#/components/schemas/ProgrammeMonthFigures"}
              change: {$ref: "#/components/schemas/ProgrammeMonthFigures"}
        temporaryAssistance:
          type: object
          required: [current, previous, change]
          properties:
            current: {$ref: "#/components/schemas/TemporaryAssistanceMonthFigures"}
            previous: {$ref: "#/components/schemas/TemporaryAssistanceMonthFigures"}
            change: {$ref: "#/components/schemas/TemporaryAssistanceMonthFigures"}
    ProgrammeMonthFigures:
      type: object
      description: "in the change (环比), each figure is current − previous; averagePerPersonFen is the difference of the two rounded averages"
      required: [households, persons, householdsEntered, personsEntered, householdsExited, personsExited, amountFen, averagePerPersonFen]
      properties:
        households: {type: integer}
        persons: {type: integer}
        householdsEntered: {type: integer, description: 当月新增, first benefit month is this month}
        personsEntered: {type: integer}
        householdsExited: {type: integer, description: 当月退出, the exit takes effect this month}
        personsExited: {type: integer}
        amountFen: {type: integer, description: 当月支出, the monthly amounts in force for the month}
        averagePerPersonFen: {type: integer, description: 月人均支出水平, rounded half up}
    TemporaryAssistanceMonthFigures:
      type: object
      required: [amountFen, personTimes, payments]
      properties:
        amountFen: {type: integer}
        personTimes: {type: integer, description: 人次}
        payments: {type: integer}

"""#
}
