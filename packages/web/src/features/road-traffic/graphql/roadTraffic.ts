import { graphql } from '../../../graphql/generated';

// The road-traffic page in one request: every panel is one grouped accidentStats over road-traffic accidents
// (the server's SQL does the counting), plus the same months a year earlier and the year's vehicle count.
export const RoadTrafficQuery = graphql(`
  query RoadTraffic($current: AccidentFilter!, $yearEarlier: AccidentFilter!, $year: Int!) {
    months: accidentStats(filter: $current, groupBy: [MONTH]) {
      total {
        accidents
        fatalAccidents
        deaths
        injuries
        directLossCny
      }
      groups {
        month
        accidents
        deaths
        injuries
      }
    }
    monthsYearEarlier: accidentStats(filter: $yearEarlier, groupBy: [MONTH]) {
      total {
        accidents
        fatalAccidents
        deaths
        injuries
        directLossCny
      }
      groups {
        month
        accidents
        deaths
        injuries
      }
    }
    hourWeekday: accidentStats(filter: $current, groupBy: [HOUR_OF_DAY, WEEKDAY]) {
      groups {
        hourOfDay
        weekday
        accidents
        deaths
      }
    }
    causes: accidentStats(filter: $current, groupBy: [TRAFFIC_CAUSE]) {
      groups {
        trafficCause
        accidents
        deaths
        injuries
      }
    }
    roadClasses: accidentStats(filter: $current, groupBy: [ROAD_CLASS]) {
      groups {
        roadClass
        accidents
        deaths
        injuries
      }
    }
    roads: accidentStats(filter: $current, groupBy: [ROAD_NAME]) {
      groups {
        roadName
        accidents
        deaths
        injuries
      }
    }
    conditions: accidentStats(filter: $current, groupBy: [WEATHER, LIGHT]) {
      groups {
        weather
        light
        accidents
        deaths
      }
    }
    statistics: countyYearStatistics(years: [$year]) {
      year
      motorVehicles
    }
  }
`);
