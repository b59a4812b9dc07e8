import './symbol-metadata.js';
import { isLegacyCall, isStandardCall } from './decorator-call.js';
import { type MemberDecoration, type MemberDecorator, decorateMember } from './member-decorator.js';
import type { MemberSite } from './member-site.js';
import { type MemberKey, methodPriority } from './method-options.js';
import { type TrackMetricsOptions, checkTrackMetricsOptions } from './decorator-options.js';
import { createTrackedFunction } from './tracked-function.js';

/**
 * Logs what the method returns (sync, or what its promise resolves to) through the active run:
 * `run.log(metrics, {prefix, every, step, priority})`. The method must return an object of metrics, e.g.
 * `{loss, accuracy}`, possibly with other fields, which are left out (warned once); other return values are
 * not logged (warned once). The return value always reaches the caller unchanged.
 *
 * ```ts
 * class Trainer {
 *   globalStep = 0;
 *   @TrackMetrics({ prefix: 'training', step: 'globalStep' })
 *   trainStep(batch: Batch) { ...; return { loss, accuracy }; }
 * }
 * ```
 */
export function TrackMetrics(options?: TrackMetricsOptions): MemberDecorator;
export function TrackMetrics<F extends Function, This>(
  value: F,
  context: ClassMethodDecoratorContext<This>,
): F;
export function TrackMetrics<V>(
  value: undefined,
  context: ClassFieldDecoratorContext<unknown, V>,
): (initialValue: V) => V;
export function TrackMetrics(
  target: object,
  propertyKey: string | symbol,
  descriptor?: PropertyDescriptor,
): void;
export function TrackMetrics(...args: unknown[]): unknown {
  if (isStandardCall(args) || isLegacyCall(args)) return decorateMember(trackMetricsDecoration({}), args);
  const options = (args[0] ?? {}) as TrackMetricsOptions;
  checkTrackMetricsOptions('@TrackMetrics', options);
  const decoration = trackMetricsDecoration(options);
  return ((...decoratorArgs: unknown[]) => decorateMember(decoration, decoratorArgs)) as MemberDecorator;
}

function trackMetricsDecoration(options: TrackMetricsOptions): MemberDecoration {
  const { prefix, every, step } = options;
  const stepName = typeof step === 'function' ? '(function)' : step;
  return {
    decorator: '@TrackMetrics',
    metadata: { trackMetrics: { prefix, every, step: stepName } },
    reflect: ['track-metrics', { prefix, every, step: stepName }],
    prepare(site: MemberSite, member: MemberKey) {
      return (fn, instance) =>
        createTrackedFunction(fn, options, {
          instance,
          label: (self) => site.label(self),
          priority: () => methodPriority(fn, member),
        });
    },
  };
}
