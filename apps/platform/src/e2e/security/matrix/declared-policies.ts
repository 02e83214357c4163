import { RequestMethod, type INestApplication, type Type } from '@nestjs/common';
import { METHOD_METADATA, PATH_METADATA } from '@nestjs/common/constants';
import { DiscoveryService, MetadataScanner, Reflector } from '@nestjs/core';
import { declaredPolicyOf, type DeclaredPolicy } from '@collab/service-kit';

/** `GET /api/v1/cases/{id}`: an operation as the OpenAPI document names it. */
export type OperationKey = string;

const pathsOf = (value: unknown): string[] => (Array.isArray(value) ? value.map(String) : [typeof value === 'string' ? value : '']);

/** `api/v1/categories` + `*id/retire` → `/api/v1/categories/{id}/retire`. */
const openApiPath = (controllerPath: string, methodPath: string): string =>
  `/${controllerPath}/${methodPath}`
    .replace(/\/+/g, '/')
    .replace(/\/$/, '')
    .replace(/[:*]([A-Za-z0-9_]+)/g, '{$1}');

const operationKeys = (method: RequestMethod, controller: object, handler: object): string[] =>
  pathsOf(Reflect.getMetadata(PATH_METADATA, controller)).flatMap((controllerPath) =>
    pathsOf(Reflect.getMetadata(PATH_METADATA, handler)).map((methodPath) => `${RequestMethod[method]} ${openApiPath(controllerPath, methodPath)}`),
  );

/**
 * Every route the running app serves, with the policy declared on it (@Public, @Allow, @Roles or
 * nothing), read from the same metadata the global guard reads.
 */
export const declaredPolicies = (app: INestApplication): Map<OperationKey, DeclaredPolicy> => {
  const discovery = app.get(DiscoveryService, { strict: false });
  const scanner = app.get(MetadataScanner, { strict: false });
  const reflector = app.get(Reflector, { strict: false });
  const policies = new Map<OperationKey, DeclaredPolicy>();
  for (const wrapper of discovery.getControllers()) {
    const { instance, metatype } = wrapper as { instance: Record<string, unknown>; metatype: (abstract new (...args: never[]) => unknown) | null };
    if (!instance || !metatype) continue;
    const prototype = Object.getPrototypeOf(instance) as object;
    for (const name of scanner.getAllMethodNames(prototype)) {
      const handler = (prototype as Record<string, unknown>)[name] as (...args: unknown[]) => unknown;
      const method = Reflect.getMetadata(METHOD_METADATA, handler) as RequestMethod | undefined;
      if (method === undefined) continue;
      const policy = declaredPolicyOf(reflector, [handler, metatype as Type]);
      for (const key of operationKeys(method, metatype, handler)) policies.set(key, policy);
    }
  }
  return policies;
};
