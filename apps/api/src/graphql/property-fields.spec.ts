import 'reflect-metadata';
import { NestFactory } from '@nestjs/core';
import { Field, GraphQLSchemaBuilderModule, GraphQLSchemaFactory, ObjectType, Parent, Query, ResolveField, Resolver } from '@nestjs/graphql';
import { execute, isObjectType, parse, type GraphQLSchema } from 'graphql';
import { compileQuery, isCompiledQuery } from 'graphql-jit';
import { readPropertiesInline } from './property-fields';

@ObjectType()
class Hours {
  @Field() objective!: string;
  @Field() hours!: number;
}

@ObjectType()
class Page {
  @Field() size!: number;
}

@ObjectType()
class Report {
  @Field() title!: string;
  @Field({ nullable: true, defaultValue: 'none given' }) note?: string;
  @Field({ name: 'owner' }) ownerName!: string;
  @Field(() => [Hours]) byObjective!: Hours[];
  @Field() shout!: string;
  @Field(() => Page) page!: Page;
}

/** Counted when asked: a promise, as a connection's totalCount is. */
const lazyPage = (): Page => ({
  get size() {
    return Promise.resolve(3) as unknown as number;
  },
});

const REPORT: Report = {
  title: 'Alignment',
  ownerName: 'Grace',
  byObjective: [
    { objective: 'Risks closed', hours: 12.5 },
    { objective: 'Milestones met', hours: 3 },
  ],
  shout: 'ignored: resolved below',
  page: lazyPage(),
};

@Resolver(() => Report)
class ReportResolver {
  @Query(() => Report)
  report(): Report {
    return REPORT;
  }

  @ResolveField(() => String)
  shout(@Parent() report: Report): string {
    return report.title.toUpperCase();
  }
}

const QUERY = parse('{ report { title note owner shout byObjective { objective hours } page { size } } }');

const PLAIN = ['Report', 'Hours'];

/** The schema Nest's own builder makes of the classes above. */
const nestSchema = async (): Promise<GraphQLSchema> => {
  const app = await NestFactory.createApplicationContext(GraphQLSchemaBuilderModule, { logger: false });
  await app.init();
  try {
    return await app.get(GraphQLSchemaFactory).create([ReportResolver]);
  } finally {
    await app.close();
  }
};

/** The resolver Nest attaches to a @ResolveField is its explorer's business; here the method stands in for it, as it does in the app. */
const withResolvers = (schema: GraphQLSchema): GraphQLSchema => {
  const resolver = new ReportResolver();
  const fields = (name: string) => {
    const type = schema.getType(name);
    if (!isObjectType(type)) throw new Error(`${name} is not an object type`);
    return type.getFields();
  };
  fields('Query')['report']!.resolve = () => resolver.report();
  fields('Report')['shout']!.resolve = (report: Report) => resolver.shout(report);
  return schema;
};

const resolverOf = (schema: GraphQLSchema, typeName: string, fieldName: string) => {
  const type = schema.getType(typeName);
  if (!isObjectType(type)) throw new Error(`${typeName} is not an object type`);
  return type.getFields()[fieldName]?.resolve;
};

describe('readPropertiesInline', () => {
  it('given a schema Nest built, when the plain types are read inline, then their plain properties lose the resolver Nest gave them and nothing else does', async () => {
    const before = withResolvers(await nestSchema());
    expect(resolverOf(before, 'Report', 'title')).toBeInstanceOf(Function);
    expect(resolverOf(before, 'Hours', 'hours')).toBeInstanceOf(Function);

    const after = readPropertiesInline(before, PLAIN);

    expect(resolverOf(after, 'Report', 'title')).toBeUndefined();
    expect(resolverOf(after, 'Report', 'page')).toBeUndefined();
    // A type not named keeps every resolver: its objects may hold promises.
    expect(resolverOf(after, 'Page', 'size')).toBeInstanceOf(Function);
    expect(resolverOf(after, 'Hours', 'objective')).toBeUndefined();
    expect(resolverOf(after, 'Hours', 'hours')).toBeUndefined();
    // A default value and a property of another name are what Nest's resolver adds: both keep it.
    expect(resolverOf(after, 'Report', 'note')).toBeInstanceOf(Function);
    expect(resolverOf(after, 'Report', 'owner')).toBeInstanceOf(Function);
    expect(resolverOf(after, 'Report', 'shout')).toBeInstanceOf(Function);
    expect(resolverOf(after, 'Query', 'report')).toBeInstanceOf(Function);
  });

  it('given the same query, when answered by graphql-js before and by a compiled query after, then the answers are equal', async () => {
    const before = withResolvers(await nestSchema());
    const expected = await execute({ schema: before, document: QUERY });
    expect(expected).toEqual({
      data: {
        report: {
          title: 'Alignment',
          note: 'none given',
          owner: 'Grace',
          shout: 'ALIGNMENT',
          byObjective: [
            { objective: 'Risks closed', hours: 12.5 },
            { objective: 'Milestones met', hours: 3 },
          ],
          page: { size: 3 },
        },
      },
    });

    const after = readPropertiesInline(withResolvers(await nestSchema()), PLAIN);
    const compiled = compileQuery(after, QUERY);
    if (!isCompiledQuery(compiled)) throw new Error(JSON.stringify(compiled));
    expect(await compiled.query(undefined, {}, {})).toEqual(expected);
    expect(await execute({ schema: after, document: QUERY })).toEqual(expected);
  });

  it('given a type the schema lacks, when it is named, then it is refused rather than skipped', async () => {
    const schema = withResolvers(await nestSchema());

    expect(() => readPropertiesInline(schema, ['Reprot'])).toThrow('Reprot is not an object type of the schema');
  });
});
