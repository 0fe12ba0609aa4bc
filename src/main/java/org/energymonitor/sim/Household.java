package org.energymonitor.sim;

import static org.energymonitor.sim.Appliance.Stage.cycling;
import static org.energymonitor.sim.Appliance.Stage.steady;

import java.util.List;

/**
 * The appliances of the simulated reference household (about 3,500 kWh a year, two to three people). Their start
 * rates scale with the household's yearly consumption; the fridge is modelled separately ({@link FridgeCycle}).
 */
final class Household {

    /** Yearly consumption at which the start rates below apply. */
    static final double REFERENCE_KWH = 3500.0;

    private Household() {
    }

    static List<Appliance> appliances() {
        //                          hour: 000000000011111111112222
        //                                012345678901234567890123
        return List.of(
                new Appliance("kettle", 0, 2.5, "000000354221222332233210",
                        List.of(steady(2, 4, 2100))),
                new Appliance("oven", Appliance.ALL_PHASES, 0.5, "000000000003410025520000",
                        List.of(steady(8, 12, 2500), cycling(22, 48, 2500, 40, 35))),
                new Appliance("hob", 1, 0.8, "000000120004410003531000",
                        List.of(cycling(10, 25, 1500, 50, 20))),
                new Appliance("washing machine", 1, 0.5, "000000013553223322211000",
                        List.of(steady(3, 5, 30), steady(12, 18, 2000), cycling(40, 60, 200, 15, 10),
                                steady(8, 12, 400))),
                new Appliance("dishwasher", 0, 0.5, "000000001100033100024531",
                        List.of(steady(3, 5, 40), steady(15, 20, 2000), steady(30, 45, 80), steady(8, 12, 2000),
                                steady(20, 30, 5))),
                new Appliance("vacuum cleaner", 2, 0.3, "000000000343002332000000",
                        List.of(steady(10, 20, 900))),
                new Appliance("hair dryer", 2, 0.5, "000000353100000000111210",
                        List.of(steady(3, 8, 1600))),
                new Appliance("microwave", 0, 1.0, "000000010002420001331110",
                        List.of(steady(2, 5, 1100))),
                new Appliance("toaster", 1, 0.5, "000000354210000000000000",
                        List.of(steady(2, 3, 900))));
    }
}
