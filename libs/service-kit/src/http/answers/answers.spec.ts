import 'reflect-metadata';
import { Controller, Get, HttpCode, Post } from '@nestjs/common';
import { ApiNotFoundResponse } from '@nestjs/swagger';
import { z } from 'zod';
import { answerIssues } from './answer-check.interceptor';
import { answerSchema, instant } from './answer-schemas';
import { ANSWER_SCHEMA, Answers } from './answers.decorator';

const parcel = answerSchema('SpecParcel', z.object({ id: z.string(), sentAt: instant, note: z.string().nullable() }));
const parcelCsv = answerSchema('SpecParcelCsv', z.string());

@Controller('parcels')
class ParcelsHttp {
  @Answers(parcel)
  @Get(':id')
  @ApiNotFoundResponse({ description: 'No such parcel.' })
  get() {
    return { id: 'p-1', sentAt: new Date('2026-11-23T02:00:00Z'), note: null };
  }

  @Answers(parcel, { alternatives: { 'text/csv': parcelCsv } })
  @Get()
  list() {
    return undefined;
  }

  @Answers(parcel, { problems: [409] })
  @Post()
  send() {
    return undefined;
  }

  @Answers(parcel)
  @Post('quick')
  @HttpCode(200)
  quick() {
    return undefined;
  }
}

type Declared = Record<string, { description?: string; content?: Record<string, { schema: unknown }> }>;
const responsesOf = (method: keyof ParcelsHttp): Declared => Reflect.getMetadata('swagger/apiResponse', ParcelsHttp.prototype[method]) as Declared;

describe('@Answers', () => {
  it('declares the 2xx body by its named schema, and problem details for every error', () => {
    const responses = responsesOf('get');
    expect(responses['200']?.content).toEqual({ 'application/json': { schema: { $ref: '#/components/schemas/SpecParcel' } } });
    expect(Object.keys(responses).sort()).toEqual(['200', '400', '401', '403', '404', '503']);
    expect(responses['404']).toMatchObject({
      description: 'No such parcel.',
      content: { 'application/problem+json': { schema: { $ref: '#/components/schemas/ProblemDetails' } } },
    });
  });

  it('takes the status from the route: 201 for a POST, @HttpCode where given', () => {
    expect(Object.keys(responsesOf('send'))).toEqual(expect.arrayContaining(['201', '409']));
    expect(Object.keys(responsesOf('quick'))).toContain('200');
  });

  it('declares each alternative media type by its own named schema', () =>
    expect(responsesOf('list')['200']?.content).toEqual({
      'application/json': { schema: { $ref: '#/components/schemas/SpecParcel' } },
      'text/csv': { schema: { $ref: '#/components/schemas/SpecParcelCsv' } },
    }));

  it('keeps the schema for the test-time check', () => expect(Reflect.getMetadata(ANSWER_SCHEMA, ParcelsHttp.prototype.get)).toBe(parcel));

  it('refuses a schema without a name, which the document could not refer to', () =>
    expect(() => Answers(z.object({}))(ParcelsHttp.prototype, 'get', { value: () => undefined })).toThrow('answerSchema'));
});

describe('an answer checked against its schema', () => {
  it('passes as it goes on the wire (a Date as its ISO string)', () =>
    expect(answerIssues(parcel, { id: 'p-1', sentAt: new Date('2026-11-23T02:00:00Z'), note: null })).toEqual([]));

  it('fails on a missing or mistyped field', () =>
    expect(answerIssues(parcel, { id: 7, sentAt: '2026-11-23T02:00:00.000Z' })).toEqual([expect.stringContaining('id:'), expect.stringContaining('note:')]));

  it('fails on a field the schema does not declare', () =>
    expect(answerIssues(parcel, { id: 'p-1', sentAt: '2026-11-23T02:00:00.000Z', note: null, secret: 'x' })).toEqual([
      'the answer holds fields its schema does not declare',
    ]));
});
