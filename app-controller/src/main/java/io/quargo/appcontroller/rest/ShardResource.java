package io.quargo.appcontroller.rest;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.quargo.appcontroller.messaging.PartitionOwnership;
import io.quargo.appcontroller.reconcile.AppKey;
import io.quargo.common.events.Topics;
import io.quargo.common.json.Json;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import java.lang.management.ManagementFactory;

/**
 * This replica's share of the apps (service-internal, as Argo CD's {@code argocd admin cluster
 * shards}): the partitions of {@code quargo.app.commands} it owns and, for {@code ?app=ns/name},
 * the partition of that app and whether this replica owns it.
 */
@Path("/api/v1/controller/shard")
@Produces(MediaType.APPLICATION_JSON)
public class ShardResource {

  private final PartitionOwnership ownership;

  public ShardResource(PartitionOwnership ownership) {
    this.ownership = ownership;
  }

  @GET
  public ObjectNode shard(@QueryParam("app") String app) {
    ObjectNode shard = Json.mapper().createObjectNode();
    shard.put("replica", ManagementFactory.getRuntimeMXBean().getName());
    shard.put("topic", Topics.APP_COMMANDS);
    shard.put("partitionCount", ownership.partitionCount());
    ownership.partitions().forEach(shard.putArray("partitions")::add);
    if (app != null && app.contains("/") && ownership.partitionCount() > 0) {
      AppKey key =
          new AppKey(app.substring(0, app.indexOf('/')), app.substring(app.indexOf('/') + 1));
      shard.put("appPartition", PartitionOwnership.partition(key, ownership.partitionCount()));
      shard.put("owned", ownership.owns(key));
    }
    return shard;
  }
}
