import { Injectable, type OnApplicationBootstrap } from '@nestjs/common';
import { Gauge } from 'prom-client';
import { MetricsRegistry } from '../../metrics/metrics';
import { HostedServices } from '../hosted-services';
import { FollowerHost } from './follower-host';

const STATES = ['standby', 'starting', 'following', 'retrying', 'waiting', 'stopped'] as const;

/**
 * Lag and state of every follower on /metrics (DESIGN §3 "Errors": a paused follower shows as a
 * lag gauge, not as silence). Lag is counted in log positions between the log's head and where the
 * follower is; a standby replica reports its followers as standby, and their lag only where it runs.
 */
@Injectable()
export class FollowerMetrics implements OnApplicationBootstrap {
  constructor(
    private readonly metrics: MetricsRegistry,
    private readonly followers: FollowerHost,
    private readonly hosted: HostedServices,
  ) {}

  onApplicationBootstrap(): void {
    const registers = [this.metrics.registry];
    const refreshHeads = (): Promise<unknown> => Promise.all(this.hosted.all().map(({ reader }) => reader.refreshHead().catch(() => undefined)));
    const owned = () => this.followers.statuses().filter((status) => status.state !== 'standby' && status.state !== 'stopped');
    new Gauge({
      name: 'collab_follower_lag_events',
      help: 'Events in the log after the position of a follower this replica runs',
      labelNames: ['follower', 'log'],
      registers,
      collect: async function () {
        await refreshHeads();
        this.reset();
        for (const status of owned()) this.set({ follower: status.name, log: status.log }, Number(status.head - status.position));
      },
    });
    new Gauge({
      name: 'collab_relay_lag_events',
      help: "Events in a service's log not yet published to its Kafka topic (relays this replica runs)",
      labelNames: ['service'],
      registers,
      collect: function () {
        this.reset();
        for (const status of owned().filter((candidate) => candidate.name.startsWith('relay:')))
          this.set({ service: status.log }, Number(status.head - status.position));
      },
    });
    const followers = this.followers;
    new Gauge({
      name: 'collab_follower_state',
      help: 'Each follower this process knows, by state (1 for its current state); retrying or waiting means a fault is being retried',
      labelNames: ['follower', 'state'],
      registers,
      collect: function () {
        this.reset();
        for (const status of followers.statuses()) for (const state of STATES) this.set({ follower: status.name, state }, status.state === state ? 1 : 0);
      },
    });
  }
}
