#!/usr/bin/env bats
# Cgroups end to end on this host (hybrid here: v1 controllers, cgroup2 at
# /sys/fs/cgroup/unified with hugetlb): every resource written by create and read back from
# the container's cgroup files, update (flags and JSON on stdin), pause/resume and the paused
# status, ps, events (stats and OOM), kill --all, and nothing left after delete. What the
# host lacks (a controller, CFQ/BFQ weights, rdma) is detected and skipped with the reason.

bats_require_minimum_version 1.5.0

setup_file() {
  load helpers
  load container-helpers
  make_template
}

setup() {
  load helpers
  load container-helpers
  sandbox_from_template
  PIDS=()
  BG=()
  N=0
  set_args sleep 100
}

teardown() {
  local pid
  for pid in "${BG[@]}"; do kill -9 "$pid" 2>/dev/null || true; done
  "$SRUN" --root "$ROOT" delete --force "$ID" >/dev/null 2>&1 || true
  remove_test_cgroups
  teardown_sandbox
}

# ---------------------------------------------------------------------------------------
# helpers

# The v1 hierarchy of a controller, or nothing when no v1 hierarchy has it.
v1_mount() {
  awk -v c="$1" '$9 == "cgroup" { n = split($NF, o, ","); for (i = 1; i <= n; i++) if (o[i] == c) { print $5; exit } }' /proc/self/mountinfo
}

# The cgroup2 mount point, or nothing.
v2_mount() { awk '$9 == "cgroup2" { print $5; exit }' /proc/self/mountinfo; }

need_v1() {
  [ -n "$(v1_mount "$1")" ] || skip "no cgroup v1 hierarchy has the $1 controller on this host"
}

# The value of FILE in the container's cgroup of CONTROLLER: cgv CONTROLLER FILE.
cgv() { cat "$(v1_mount "$1")/$ID/$2"; }

# Sets linux.resources from JSON.
resources() { cfg --argjson r "$1" '.linux.resources = $r'; }

start_detached() {
  srun_files run --detach --bundle "$BUNDLE" "$ID"
  [ "$status" -eq 0 ] || { echo "run: exit $status: $stderr"; return 1; }
  PIDS+=("$("$SRUN" --root "$ROOT" state "$ID" | jq -r .pid)")
}

status_is() { [ "$("$SRUN" --root "$ROOT" state "$ID" | jq -r .status)" = "$1" ]; }

finish() {
  run --separate-stderr srun delete --force "$ID"
  [ "$status" -eq 0 ] || { echo "delete: $stderr"; return 1; }
  assert_all_gone
}

# create must fail with an error containing $1 and leave nothing.
create_fails_with() {
  srun_files create --bundle "$BUNDLE" "$ID"
  [ "$status" -eq 1 ] || { echo "create: exit $status"; return 1; }
  [[ "$stderr" == *"$1"* ]] || { echo "create: $stderr"; return 1; }
  assert_all_gone
}

# A real block device's MAJOR:MINOR (throttling needs a device with a request queue).
block_device() {
  local dev
  for dev in /sys/block/*; do
    case "${dev##*/}" in loop* | ram* | zram*) continue ;; esac
    cat "$dev/dev"
    return 0
  done
  return 1
}

# ---------------------------------------------------------------------------------------
# every resource, written by create and read back

@test "memory: limit, reservation, swap, kernel, kernelTCP, swappiness, disableOOMKiller, useHierarchy" {
  need_v1 memory
  resources '{"memory":{"limit":67108864,"reservation":33554432,"swap":134217728,"kernel":16777216,"kernelTCP":50331648,
              "swappiness":30,"disableOOMKiller":true,"useHierarchy":true}}'
  start_detached
  [ "$(cgv memory memory.limit_in_bytes)" = 67108864 ]
  [ "$(cgv memory memory.soft_limit_in_bytes)" = 33554432 ]
  [ "$(cgv memory memory.memsw.limit_in_bytes)" = 134217728 ]
  [ "$(cgv memory memory.kmem.tcp.limit_in_bytes)" = 50331648 ]
  [ "$(cgv memory memory.swappiness)" = 30 ]
  grep -qx 'oom_kill_disable 1' "$(v1_mount memory)/$ID/memory.oom_control"
  [ "$(cgv memory memory.use_hierarchy)" = 1 ]
  # Kernels since 5.16 take a kernel memory limit and ignore it; older ones show it.
  local kmem
  kmem=$(cgv memory memory.kmem.limit_in_bytes)
  [ "$kmem" = 16777216 ] || [ "$kmem" = 9223372036854771712 ]
  finish
}

@test "cpu: shares, quota, period, burst, realtime runtime and period, cpus, mems" {
  need_v1 cpu
  need_v1 cpuset
  resources '{"cpu":{"shares":512,"quota":50000,"period":200000,"burst":1000,"realtimeRuntime":10000,"realtimePeriod":500000,"cpus":"0","mems":"0"}}'
  [ -e "$(v1_mount cpu)/cpu.cfs_burst_us" ] || cfg 'del(.linux.resources.cpu.burst)'
  [ -e "$(v1_mount cpu)/cpu.rt_runtime_us" ] || cfg 'del(.linux.resources.cpu.realtimeRuntime, .linux.resources.cpu.realtimePeriod)'
  start_detached
  [ "$(cgv cpu cpu.shares)" = 512 ]
  [ "$(cgv cpu cpu.cfs_quota_us)" = 50000 ]
  [ "$(cgv cpu cpu.cfs_period_us)" = 200000 ]
  if [ -e "$(v1_mount cpu)/cpu.cfs_burst_us" ]; then [ "$(cgv cpu cpu.cfs_burst_us)" = 1000 ]; fi
  if [ -e "$(v1_mount cpu)/cpu.rt_runtime_us" ]; then
    [ "$(cgv cpu cpu.rt_runtime_us)" = 10000 ]
    [ "$(cgv cpu cpu.rt_period_us)" = 500000 ]
  fi
  [ "$(cgv cpuset cpuset.cpus)" = 0 ]
  [ "$(cgv cpuset cpuset.mems)" = 0 ]
  finish
}

@test "cpu: idle" {
  need_v1 cpu
  [ -e "$(v1_mount cpu)/cpu.idle" ] || skip "this kernel's cpu controller has no cpu.idle"
  resources '{"cpu":{"idle":1}}'
  start_detached
  [ "$(cgv cpu cpu.idle)" = 1 ]
  finish
}

@test "cpu: shares out of the kernel's range is an error naming the field" {
  need_v1 cpu
  resources '{"cpu":{"shares":1}}'
  create_fails_with "linux.resources.cpu.shares: 1 is out of range: the minimum is 2"
}

@test "pids: a limit, and negative for none" {
  need_v1 pids
  resources '{"pids":{"limit":50}}'
  start_detached
  [ "$(cgv pids pids.max)" = 50 ]
  finish
  resources '{"pids":{"limit":-1}}'
  start_detached
  [ "$(cgv pids pids.max)" = max ]
  finish
}

@test "pids: the limit holds inside the container" {
  need_v1 pids
  resources '{"pids":{"limit":3}}'
  set_args sh -c 'sleep 30 & sleep 30 & sleep 30 & sleep 30 & echo forked; sleep 100'
  start_detached
  wait_for grep -q "can't fork\|Resource temporarily unavailable\|forked" "$OUT" "$ERR"
  grep -q "can't fork\|Resource temporarily unavailable" "$ERR" || { cat "$ERR"; return 1; }
  [ "$(cgv pids pids.current)" -le 3 ]
  finish
}

@test "blockIO: read and write throttles per device, in bytes and iops" {
  need_v1 blkio
  local dev major minor
  dev=$(block_device) || skip "no block device to throttle on this host"
  major=${dev%:*} minor=${dev#*:}
  resources "$(jq -n --argjson M "$major" --argjson m "$minor" '{blockIO: {
      throttleReadBpsDevice: [{major: $M, minor: $m, rate: 1048576}], throttleWriteBpsDevice: [{major: $M, minor: $m, rate: 2097152}],
      throttleReadIOPSDevice: [{major: $M, minor: $m, rate: 100}], throttleWriteIOPSDevice: [{major: $M, minor: $m, rate: 200}]}}')"
  start_detached
  [ "$(cgv blkio blkio.throttle.read_bps_device)" = "$dev 1048576" ]
  [ "$(cgv blkio blkio.throttle.write_bps_device)" = "$dev 2097152" ]
  [ "$(cgv blkio blkio.throttle.read_iops_device)" = "$dev 100" ]
  [ "$(cgv blkio blkio.throttle.write_iops_device)" = "$dev 200" ]
  finish
}

@test "blockIO: weight (CFQ or BFQ); weightDevice and leafWeight, or the error naming them where the scheduler lacks them" {
  need_v1 blkio
  resources '{"blockIO":{"weight":300}}'
  srun_files run --detach --bundle "$BUNDLE" "$ID"
  if [ "$status" -ne 0 ]; then
    # Neither CFQ nor BFQ on this host: the field fails, naming it and why.
    [[ "$stderr" == *"linux.resources.blockIO.weight: "*"CFQ or BFQ"* ]] || { echo "$stderr"; return 1; }
    assert_all_gone
    skip "no CFQ or BFQ I/O scheduler: weights checked only for their error"
  fi
  local file=blkio.weight
  [ -e "$(v1_mount blkio)/$ID/$file" ] || file=blkio.bfq.weight
  [ "$(cgv blkio $file | head -n 1)" = 300 ]
  finish

  local dev scheduler
  dev=$(block_device) || skip "no block device for weightDevice"
  scheduler=$(cat "/sys/dev/block/$dev/queue/scheduler" 2>/dev/null || true)
  resources "$(jq -n --argjson M "${dev%:*}" --argjson m "${dev#*:}" '{blockIO: {weightDevice: [{major: $M, minor: $m, weight: 400}]}}')"
  if [[ "$scheduler" == *"[bfq]"* || "$scheduler" == *"[cfq]"* ]]; then
    start_detached
    grep -q "^$dev 400" "$(v1_mount blkio)/$ID/${file}_device"
    finish
  else
    # The device's scheduler ($scheduler) does no proportional weights: the kernel says so.
    create_fails_with "linux.resources.blockIO.weightDevice[0]: writing \"$dev 400\""
  fi

  resources '{"blockIO":{"leafWeight":300}}'
  if [ "$file" = blkio.weight ]; then
    start_detached
    [ "$(cgv blkio blkio.leaf_weight)" = 300 ]
    finish
  else
    create_fails_with "linux.resources.blockIO.leafWeight: "
    [[ "$stderr" == *"blkio.leaf_weight does not exist"* ]]
  fi
}

@test "hugepageLimits: per page size, in the v1 hierarchy or cgroup2 (hybrid)" {
  [ -d /sys/kernel/mm/hugepages/hugepages-2048kB ] || skip "no 2MB huge pages on this host"
  resources '{"hugepageLimits":[{"pageSize":"2MB","limit":4194304}]}'
  local file
  if [ -n "$(v1_mount hugetlb)" ]; then
    file=$(v1_mount hugetlb)/$ID/hugetlb.2MB.limit_in_bytes
  elif [ -n "$(v2_mount)" ] && grep -qw hugetlb "$(v2_mount)/cgroup.controllers"; then
    file=$(v2_mount)/$ID/hugetlb.2MB.max
  else
    skip "no hugetlb controller on this host"
  fi
  start_detached
  [ "$(cat "$file")" = 4194304 ]
  run --separate-stderr srun events --stats "$ID"
  [ "$status" -eq 0 ]
  echo "$output" | jq -e '.data.hugetlb["2MB"] | has("failcnt")'
  finish
}

@test "network: classID and priorities where net_cls and net_prio are mounted" {
  need_v1 net_cls
  need_v1 net_prio
  resources '{"network":{"classID":1048577,"priorities":[{"name":"lo","priority":5}]}}'
  start_detached
  [ "$(cgv net_cls net_cls.classid)" = 1048577 ]
  grep -qx 'lo 5' "$(v1_mount net_prio)/$ID/net_prio.ifpriomap"
  finish
}

@test "rdma: limits per device where the rdma controller is mounted" {
  need_v1 rdma
  local device
  device=$(awk '{print $1; exit}' "$(v1_mount rdma)/rdma.max" 2>/dev/null)
  [ -n "$device" ] || skip "no RDMA device on this host"
  resources "$(jq -n --arg d "$device" '{rdma: {($d): {hcaHandles: 3, hcaObjects: 100}}}')"
  start_detached
  grep -q "^$device hca_handle=3 hca_object=100" "$(v1_mount rdma)/$ID/rdma.max"
  finish
}

@test "a set resource whose controller is missing fails create, naming field and controller; unset (zero) is fine" {
  local controller field json
  for controller in net_cls rdma net_prio; do
    [ -z "$(v1_mount $controller)" ] && break
    controller=
  done
  [ -n "$controller" ] || skip "net_cls, net_prio and rdma are all mounted here"
  case $controller in
    net_cls) field=linux.resources.network.classID json='{"network":{"classID":7}}' ;;
    net_prio) field=linux.resources.network.priorities json='{"network":{"priorities":[{"name":"lo","priority":1}]}}' ;;
    rdma) field='linux.resources.rdma' json='{"rdma":{"mlx5_0":{"hcaHandles":1}}}' ;;
  esac
  resources "$json"
  create_fails_with "$field"
  [[ "$stderr" == *"needs the $controller cgroup controller"* ]]
  resources '{"network":{"classID":0},"memory":{"limit":0}}'
  start_detached
  finish
}

@test "unified: cgroup v2 files by name in the v2 directory; a v2 controller the host lacks is named" {
  [ -n "$(v2_mount)" ] || skip "no cgroup2 mount on this host"
  resources '{"unified":{"cgroup.max.depth":"3","cgroup.max.descendants":"7"}}'
  start_detached
  [ "$(cat "$(v2_mount)/$ID/cgroup.max.depth")" = 3 ]
  [ "$(cat "$(v2_mount)/$ID/cgroup.max.descendants")" = 7 ]
  finish
  grep -qw pids "$(v2_mount)/cgroup.controllers" && skip "pids is a v2 controller here"
  resources '{"unified":{"pids.max":"5"}}'
  create_fails_with 'linux.resources.unified["pids.max"]: needs the pids cgroup controller'
}

@test "devices: rules in the config's order, then the default devices; the container's opens obey them" {
  need_v1 devices
  # /dev/kmsg's numbers under another name, made by the init before the rules apply; reading
  # it needs CAP_SYSLOG where dmesg_restrict is on.
  cfg '.linux.devices = [{"path":"/dev/kmsg-test","type":"c","major":1,"minor":11,"fileMode":384}] |
       .process.capabilities |= (.bounding += ["CAP_SYSLOG"] | .effective += ["CAP_SYSLOG"] | .permitted += ["CAP_SYSLOG"])'
  set_args sh -c 'dd if=/dev/kmsg-test of=/dev/null count=0 2>&1 && echo kmsg-ok; head -c 1 /dev/zero | wc -c; sleep 100'
  resources '{"devices":[{"allow":false,"access":"rwm"},{"allow":true,"type":"c","major":1,"minor":11,"access":"r"},{"allow":false,"type":"c","major":1,"minor":11,"access":"r"}]}'
  start_detached
  wait_for grep -q '^1$' "$OUT"
  grep -q 'Operation not permitted' "$OUT"
  ! grep -q kmsg-ok "$OUT" || return 1
  local list
  list=$(cgv devices devices.list)
  [[ "$list" == *"c 1:3 rwm"* && "$list" == *"c 136:* rwm"* && "$list" != *"c 1:11"* && "$list" != *"a *:*"* ]]
  finish
  # The same rules, the other way round: the last one allows.
  resources '{"devices":[{"allow":false,"access":"rwm"},{"allow":false,"type":"c","major":1,"minor":11,"access":"r"},{"allow":true,"type":"c","major":1,"minor":11,"access":"r"}]}'
  start_detached
  wait_for grep -q '^1$' "$OUT"
  grep -q kmsg-ok "$OUT"
  grep -qx 'c 1:11 r' "$(v1_mount devices)/$ID/devices.list"
  finish
}

# ---------------------------------------------------------------------------------------
# update

@test "update with runc's flags writes the cgroup files and the container's state" {
  need_v1 memory
  need_v1 cpu
  need_v1 pids
  resources '{"memory":{"limit":67108864,"swap":67108864},"cpu":{"shares":1024},"pids":{"limit":50}}'
  start_detached
  run --separate-stderr srun update --memory 128m --memory-swap 256m --memory-reservation 16m --cpu-share 256 \
    --cpu-quota 20000 --cpu-period 100000 --pids-limit 20 --cpuset-cpus 0 --cpuset-mems 0 "$ID"
  [ "$status" -eq 0 ] || { echo "$stderr"; return 1; }
  [ "$(cgv memory memory.limit_in_bytes)" = 134217728 ]
  [ "$(cgv memory memory.memsw.limit_in_bytes)" = 268435456 ]
  [ "$(cgv memory memory.soft_limit_in_bytes)" = 16777216 ]
  [ "$(cgv cpu cpu.shares)" = 256 ]
  [ "$(cgv cpu cpu.cfs_quota_us)" = 20000 ]
  [ "$(cgv pids pids.max)" = 20 ]
  [ "$(cgv cpuset cpuset.cpus)" = 0 ]
  jq -e '.resources | .memory.limit == 134217728 and .memory.swap == 268435456 and .cpu.shares == 256 and .pids.limit == 20' "$ROOT/$ID/state.json"
  # Lowering both again: the limit is written before memory+swap.
  run --separate-stderr srun update --memory 32m --memory-swap 32m "$ID"
  [ "$status" -eq 0 ] || { echo "$stderr"; return 1; }
  [ "$(cgv memory memory.limit_in_bytes)" = 33554432 ]
  [ "$(cgv memory memory.memsw.limit_in_bytes)" = 33554432 ]
  finish
}

@test "update --resources - reads docker's JSON from stdin: zeros leave fields alone" {
  need_v1 memory
  need_v1 pids
  resources '{"memory":{"limit":67108864},"pids":{"limit":50},"cpu":{"shares":512}}'
  start_detached
  echo '{"memory":{"limit":0,"reservation":0,"swap":0,"kernel":0},"cpu":{"shares":0,"quota":0,"period":0,"cpus":"","mems":""},"pids":{"limit":30},"blockIO":{"weight":0}}' >"$SANDBOX/update.json"
  STDIN=$SANDBOX/update.json srun_files update --resources - "$ID"
  [ "$status" -eq 0 ] || { echo "$stderr"; return 1; }
  [ "$(cgv pids pids.max)" = 30 ]
  [ "$(cgv memory memory.limit_in_bytes)" = 67108864 ]
  [ "$(cgv cpu cpu.shares)" = 512 ]
  jq -e '.resources.pids.limit == 30 and .resources.memory.limit == 67108864' "$ROOT/$ID/state.json"
  finish
}

@test "update --resources FILE with a bad value names the file and field and changes nothing" {
  need_v1 pids
  resources '{"pids":{"limit":50}}'
  start_detached
  echo '{"pids":{"limit":"many"}}' >"$SANDBOX/bad.json"
  run --separate-stderr srun update --resources "$SANDBOX/bad.json" "$ID"
  [ "$status" -eq 1 ]
  [ "$stderr" = "srun: $SANDBOX/bad.json: pids.limit: expected an integer, got a string" ]
  run --separate-stderr srun update --memory lots "$ID"
  [ "$status" -eq 1 ]
  [[ "$stderr" == *"--memory: expected a size in bytes"* ]]
  [ "$(cgv pids pids.max)" = 50 ]
  jq -e '.resources.pids.limit == 50' "$ROOT/$ID/state.json"
  finish
}

@test "update of a stopped container fails" {
  set_args true
  srun_files create --bundle "$BUNDLE" "$ID"
  run srun start "$ID"
  wait_for status_is stopped
  run --separate-stderr srun update --pids-limit 5 "$ID"
  [ "$status" -eq 1 ]
  [[ "$stderr" == *"is stopped"* ]]
  finish
}

# ---------------------------------------------------------------------------------------
# pause, resume

ticks() { wc -l <"$OUT"; }
ticked_past() { [ "$(ticks)" -gt "$1" ]; }

@test "pause freezes every process (state and list say paused); resume thaws them" {
  set_args sh -c 'while :; do echo tick; sleep 0.02; done'
  start_detached
  wait_for ticked_past 0
  run --separate-stderr srun pause "$ID"
  [ "$status" -eq 0 ] || { echo "$stderr"; return 1; }
  status_is paused
  run srun list --format json
  echo "$output" | jq -e --arg id "$ID" '.[] | select(.id == $id) | .status == "paused"'
  local frozen
  frozen=$(ticks)
  sleep 0.3
  [ "$(ticks)" = "$frozen" ]
  run --separate-stderr srun pause "$ID"
  [ "$status" -eq 1 ]
  [[ "$stderr" == *"it is paused"* ]]
  run --separate-stderr srun resume "$ID"
  [ "$status" -eq 0 ] || { echo "$stderr"; return 1; }
  status_is running
  wait_for ticked_past "$frozen"
  run --separate-stderr srun resume "$ID"
  [ "$status" -eq 1 ]
  [[ "$stderr" == *"not paused"* ]]
  finish
}

@test "a created container can be paused, and is paused, not created" {
  srun_files create --bundle "$BUNDLE" "$ID"
  [ "$status" -eq 0 ]
  run srun pause "$ID"
  [ "$status" -eq 0 ]
  status_is paused
  run srun resume "$ID"
  status_is created
  finish
}

@test "kill KILL of a paused container kills it; delete --force of a paused container leaves nothing" {
  start_detached
  run srun pause "$ID"
  [ "$status" -eq 0 ]
  run --separate-stderr srun kill "$ID" KILL
  [ "$status" -eq 0 ] || { echo "$stderr"; return 1; }
  wait_for status_is stopped
  run srun delete "$ID"
  [ "$status" -eq 0 ]
  assert_all_gone
  start_detached
  run srun pause "$ID"
  finish
}

# ---------------------------------------------------------------------------------------
# kill --all, ps, events

@test "kill --all signals every process of the cgroup" {
  set_args sh -c 'sleep 100 & sleep 100 & echo started; wait'
  start_detached
  wait_for grep -q started "$OUT"
  run srun ps --format json "$ID"
  [ "$(echo "$output" | jq length)" -eq 3 ]
  run --separate-stderr srun kill --all "$ID" KILL
  [ "$status" -eq 0 ] || { echo "$stderr"; return 1; }
  wait_for status_is stopped
  wait_for test -z "$(cat "$(v1_mount freezer)/$ID/cgroup.procs" 2>/dev/null)"
  finish
}

@test "ps prints ps's header and the container's lines; --format json the pids; options after --" {
  set_args sh -c 'sleep 100 & echo started; wait'
  start_detached
  wait_for grep -q started "$OUT"
  run --separate-stderr srun ps "$ID"
  [ "$status" -eq 0 ] || { echo "$stderr"; return 1; }
  [[ "${lines[0]}" == UID*PID*PPID*CMD ]]
  [ "${#lines[@]}" -eq 3 ]
  [[ "$output" == *"sleep 100"* ]]
  ! [[ "$output" == *bats* ]] || return 1
  run srun ps --format json "$ID"
  [ "$status" -eq 0 ]
  [ "$(echo "$output" | jq -c 'sort')" = "$(jq -sc 'sort' "$(v1_mount freezer)/$ID/cgroup.procs")" ]
  run srun ps "$ID" -- -o pid,comm
  [ "$status" -eq 0 ]
  [ "${lines[0]}" = "    PID COMMAND" ] || [[ "${lines[0]}" == *PID*COMMAND ]]
  [[ "$output" == *sleep* && "$output" == *sh* ]]
  finish
}

@test "events --stats prints one stats event in runc's shape" {
  need_v1 memory
  resources '{"memory":{"limit":67108864},"pids":{"limit":50}}'
  set_args sh -c 'i=0; while [ $i -lt 20000 ]; do i=$((i+1)); done; sleep 100'
  start_detached
  sleep 0.2
  run --separate-stderr srun events --stats "$ID"
  [ "$status" -eq 0 ] || { echo "$stderr"; return 1; }
  [ "${#lines[@]}" -eq 1 ]
  echo "$output" | jq -e --arg id "$ID" '.type == "stats" and .id == $id'
  echo "$output" | jq -e '.data.memory.usage.limit == 67108864 and .data.memory.usage.usage > 0 and (.data.memory.raw | has("cache"))'
  echo "$output" | jq -e '.data.pids.current >= 1 and .data.pids.limit == 50'
  echo "$output" | jq -e '.data.cpu.usage.total > 0 and (.data.cpu.usage | has("kernel") and has("user")) and (.data.cpu | has("throttling"))'
  echo "$output" | jq -e '(.data | has("blkio") and has("hugetlb") and has("cpuset")) and .data.network_interfaces == null'
  finish
}

@test "events prints stats every interval until the container stops" {
  set_args sh -c 'sleep 1'
  start_detached
  run --separate-stderr timeout 10 "$SRUN" --root "$ROOT" events --interval 200ms "$ID"
  [ "$status" -eq 0 ] || { echo "exit $status: $stderr"; return 1; }
  [ "${#lines[@]}" -ge 2 ]
  [ "$(printf '%s\n' "${lines[@]}" | jq -r .type | sort -u)" = stats ]
  run --separate-stderr srun events --stats "$ID"
  [ "$status" -eq 1 ]
  [[ "$stderr" == *"is not running"* ]]
  finish
}

@test "a container killed by the OOM killer gives an oom event" {
  need_v1 memory
  [ -e "$(v1_mount memory)/memory.memsw.limit_in_bytes" ] || cfg 'del(.linux.resources.memory.swap)'
  resources '{"memory":{"limit":8388608,"swap":8388608}}'
  set_args sh -c 'x=aaaaaaaa; while :; do x=$x$x; done'
  srun_files create --bundle "$BUNDLE" "$ID"
  [ "$status" -eq 0 ] || { echo "$stderr"; return 1; }
  timeout 20 "$SRUN" --root "$ROOT" events --interval 10s "$ID" >"$SANDBOX/events" 2>&1 &
  BG+=($!)
  sleep 0.3
  run srun start "$ID"
  [ "$status" -eq 0 ]
  wait_for status_is stopped
  wait_for grep -q oom "$SANDBOX/events"
  [ "$(head -n 1 "$SANDBOX/events")" = "{\"type\":\"oom\",\"id\":\"$ID\"}" ]
  grep -q '^oom_kill [1-9]' "$(v1_mount memory)/$ID/memory.oom_control"
  finish
}

# ---------------------------------------------------------------------------------------
# placement

@test "a relative cgroupsPath is under srun's own cgroup in each hierarchy; delete removes it" {
  need_v1 memory
  cfg --arg p "$ID" '.linux.cgroupsPath = $p'
  start_detached
  local own
  own=$(awk -F: '$2 == "memory" { print $3 }' /proc/self/cgroup)
  [ -d "$(v1_mount memory)${own%/}/$ID" ]
  [ "$(awk -F: '$2 == "memory" { print $3 }' "/proc/${PIDS[0]}/cgroup")" = "${own%/}/$ID" ]
  finish
}

@test "--systemd-cgroup without systemd fails with the reason and leaves nothing" {
  [ -d /run/systemd/system ] && skip "systemd is running on this host"
  cfg '.linux.cgroupsPath = "system.slice:srun:'"$ID"'"'
  run --separate-stderr "$SRUN" --root "$ROOT" --systemd-cgroup create --bundle "$BUNDLE" "$ID"
  [ "$status" -eq 1 ]
  [[ "$stderr" == *"systemd is not running"* ]]
  assert_all_gone
}

@test "a resource the kernel refuses fails create, naming the field, and leaves nothing" {
  need_v1 cpuset
  resources '{"cpu":{"cpus":"4095"}}'
  create_fails_with "linux.resources.cpu.cpus: writing \"4095\" to"
}

@test "features lists cgroup v1, v2 and rdma, and no systemd driver" {
  run --separate-stderr srun features
  [ "$status" -eq 0 ]
  [ "$(jq -c .linux.cgroup <<<"$output")" = '{"v1":true,"v2":true,"systemd":false,"systemdUser":false,"rdma":true}' ]
}
