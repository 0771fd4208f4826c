import Testing
@testable import OCI
@testable import Runtime

@Suite struct ResourceUpdateTests {
    let current = try! Resources.decode("""
        {"devices":[{"allow":false,"access":"rwm"}],"memory":{"limit":1000,"swap":2000},"cpu":{"shares":512,"quota":50000,"period":100000,"cpus":"0"},
         "pids":{"limit":10},"blockIO":{"throttleReadBpsDevice":[{"major":8,"minor":0,"rate":5},{"major":8,"minor":16,"rate":6}]},
         "hugepageLimits":[{"pageSize":"2MB","limit":0}],"unified":{"memory.high":"900"}}
        """)

    @Test func zerosAndEmptiesKeepTheCurrentValues() throws {
        // docker's update: every field, zero when unchanged.
        let update = try Resources.decode(#"{"memory":{"limit":0,"swap":0,"reservation":0},"cpu":{"shares":0,"quota":0,"period":0,"cpus":"","mems":""},"pids":{"limit":0},"blockIO":{"weight":0}}"#)
        #expect(current.updated(with: update) == current.updated(with: Resources()))
        #expect(current.updated(with: update).memory == current.memory)
        #expect(current.updated(with: update).cpu == current.cpu)
        #expect(current.updated(with: update).pids == current.pids)
    }

    @Test func setFieldsReplaceTheirValuesOnly() throws {
        let update = try Resources.decode("""
            {"memory":{"limit":3000,"checkBeforeUpdate":true},"cpu":{"quota":-1},"pids":{"limit":-1},
             "blockIO":{"throttleReadBpsDevice":[{"major":8,"minor":0,"rate":7}]},"hugepageLimits":[{"pageSize":"2MB","limit":4}],
             "unified":{"pids.max":"3"},"devices":[{"allow":true,"access":"rwm"}]}
            """)
        let merged = current.updated(with: update)
        #expect(merged.memory?.limit == 3000 && merged.memory?.swap == 2000 && merged.memory?.checkBeforeUpdate == true)
        #expect(merged.cpu?.quota == -1 && merged.cpu?.shares == 512 && merged.cpu?.cpus == "0")
        #expect(merged.pids?.limit == -1)
        #expect(merged.blockIO?.throttleReadBpsDevice.map(\.rate) == [6, 7])
        #expect(merged.hugepageLimits.map(\.limit) == [4])
        #expect(merged.unified == ["memory.high": "900", "pids.max": "3"])
        // update leaves the device rules alone, as runc's does.
        #expect(merged.devices == current.devices)
    }

    @Test func aResourcesDocumentIsCheckedAndNamed() {
        #expect { try Resources.decodeDocument(Array(#"{"memory":{"limit":"1g"}}"#.utf8), document: "stdin") } throws: {
            "\($0)" == "stdin: memory.limit: expected an integer, got a string"
        }
        #expect { try Resources.decodeDocument(Array(#"{"memory":{"swappiness":101}}"#.utf8), document: "r.json") } throws: {
            "\($0)".hasPrefix("r.json: memory.swappiness: ")
        }
    }
}
